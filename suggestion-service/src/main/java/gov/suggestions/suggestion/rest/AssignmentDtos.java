package gov.suggestions.suggestion.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.ReassignmentRequest;
import gov.suggestions.suggestion.domain.ReassignmentState;
import gov.suggestions.suggestion.domain.UnitRole;
import gov.suggestions.suggestion.service.AssignmentService.UnitChoice;

/** Request and response records of assignment (交办) and reassignment. */
public final class AssignmentDtos {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AssignmentDtos() {
    }

    @Schema(name = "UnitChoice", description = "A handling unit and its role")
    public record UnitChoiceDto(
            @Schema(examples = "sz-zsj") @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String unitCode,
            @Schema(description = "SOLE 单独办理, LEAD 主办, SEPARATE 分办, JOINT 会办") @NotNull UnitRole role) {

        UnitChoice toChoice() {
            return new UnitChoice(unitCode, role);
        }
    }

    @Schema(name = "AssignRequest")
    public record AssignRequest(
            @Schema(description = "Assignment date; today (Asia/Shanghai) when omitted", examples = "2020-05-20") @PastOrPresent LocalDate assignedOn,
            @Schema(description = "The units with their roles") @NotNull @Size(min = 1, max = Limits.UNITS) List<@NotNull @Valid UnitChoiceDto> units,
            @Schema(description = "Own reply deadline; only for a key supervised suggestion", examples = "2020-07-31") LocalDate replyDue) {
    }

    @Schema(name = "ReassignmentRequestBody")
    public record RequestReassignment(
            @Schema(description = "Why the suggestion is not the unit's responsibility", examples = "不属于本单位职责")
            @NotBlank @Size(max = Limits.REASSIGNMENT_TEXT) String reason) {
    }

    @Schema(name = "ReassignmentApproval")
    public record Approval(
            @Schema(description = "Units that join in place of the requesting unit (may be empty)")
            @NotNull @Size(max = Limits.UNITS) List<@NotNull @Valid UnitChoiceDto> addedUnits,
            @Schema(examples = "同意调整至市工业和信息化局") @Size(max = Limits.REASSIGNMENT_TEXT) String comment) {
    }

    @Schema(name = "ReassignmentRejection")
    public record Rejection(@Schema(examples = "属于本单位职责范围") @NotBlank @Size(max = Limits.REASSIGNMENT_TEXT) String comment) {
    }

    @Schema(name = "ReassignmentRequest")
    public record ReassignmentResponse(UUID id, UUID suggestionId, @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(maxLength = Limits.REASSIGNMENT_TEXT) String reason, ReassignmentState state,
            OffsetDateTime requestedAt, OffsetDateTime decidedAt, @Schema(maxLength = Limits.REASSIGNMENT_TEXT) String decisionComment) {

        static ReassignmentResponse of(ReassignmentRequest r) {
            return new ReassignmentResponse(r.id, r.suggestionId, r.unitCode, r.reason, r.state, r.requestedAt.atZone(ZONE).toOffsetDateTime(),
                    r.decidedAt == null ? null : r.decidedAt.atZone(ZONE).toOffsetDateTime(), r.decisionComment);
        }
    }
}
