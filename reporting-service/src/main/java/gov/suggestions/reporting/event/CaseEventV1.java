package gov.suggestions.reporting.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.suggestions.reporting.service.Limits;

/**
 * The common fields of every case.* event plus the type-specific ones the reports use (see
 * workflow-service/README.md); read tolerantly, so other fields are ignored.
 */
public record CaseEventV1(
        UUID caseId,
        UUID suggestionId,
        String congressBody,
        String number,
        String unitCode,
        String role,
        String state,
        Instant occurredAt,
        // case.opened.v1
        String title,
        String unitName,
        LocalDate assignedOn,
        LocalDate dueOn,
        // case.distributed.v1
        String leadHandler,
        String undertakingDepartment,
        // case.communication-recorded.v1 (one communicationId may be shared by several cases: a symposium)
        String kind,
        Instant communicatedAt,
        String communicationId,
        // case.review-decided.v1
        String decision,
        // case.replied.v1
        String category,
        LocalDate issuedOn,
        Boolean onTime,
        List<Commitment> commitments,
        // case.opinion-sent.v1
        LocalDate sentOn,
        // case.evaluated.v1
        String result,
        // supervision events
        String deadline) {

    public static final String PREFIX = "case.";

    /** A measure the reply commits to (case.replied.v1 {@code commitments[]}; absent in older events). */
    public record Commitment(String measure, String owner, LocalDate targetDate) {
    }

    /** The first required field that is absent, or null. */
    public String missingField() {
        if (caseId == null) {
            return "caseId";
        }
        if (suggestionId == null) {
            return "suggestionId";
        }
        if (congressBody == null || congressBody.isBlank()) {
            return "congressBody";
        }
        if (number == null || number.isBlank()) {
            return "number";
        }
        if (unitCode == null || unitCode.isBlank()) {
            return "unitCode";
        }
        if (role == null || role.isBlank()) {
            return "role";
        }
        if (state == null || state.isBlank()) {
            return "state";
        }
        if (occurredAt == null) {
            return "occurredAt";
        }
        return null;
    }

    /**
     * The first field outside the range the reports rely on, or null: a case without its suggestion's year counts in the
     * year it was assigned, which must lie in 1949–2100 as the suggestions' years do.
     */
    public String outOfRange() {
        if (assignedOn != null && (assignedOn.getYear() < Limits.YEAR_MIN || assignedOn.getYear() > Limits.YEAR_MAX)) {
            return "assignedOn";
        }
        return null;
    }
}
