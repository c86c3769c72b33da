package gov.suggestions.suggestion.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.Limits;

@Schema(name = "WithdrawRequest")
public record WithdrawRequest(
        @Schema(description = "Why the suggestion is withdrawn", examples = "代表申请撤回") @NotBlank @Size(max = Limits.WITHDRAWAL_REASON) String reason) {
}
