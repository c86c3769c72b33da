package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The common fields of every {@code case.*} event on the {@code cases} topic (workflow-service); read
 * tolerantly: the fields each event type adds are ignored.
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
        String actor) {

    /** The first required field that is missing, or null. */
    public String missingField() {
        if (caseId == null) {
            return "caseId";
        }
        if (suggestionId == null) {
            return "suggestionId";
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
}
