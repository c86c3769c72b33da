package gov.suggestions.suggestion.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.Limits;

@Schema(name = "DeputyReference", description = "A deputy (or CPPCC member) by identity; contacts are kept apart as personal data")
public record DeputyReference(
        @Schema(description = "The deputy's id in the congress body's roster", examples = "D-2020-0117") @NotBlank @Size(max = Limits.DEPUTY_ID) String id,
        @Schema(examples = "王某某") @NotBlank @Size(max = Limits.DEPUTY_NAME) String name,
        @Schema(description = "Delegation (代表团)", examples = "福田代表团") @Size(max = Limits.DELEGATION) String delegation) {
}
