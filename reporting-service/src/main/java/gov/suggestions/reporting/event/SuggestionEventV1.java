package gov.suggestions.reporting.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.suggestions.reporting.service.Limits;

/**
 * The fields of suggestion.submitted.v1, .assigned.v1, .reassigned.v1 and .withdrawn.v1 the reports
 * use (see suggestion-service/README.md); read tolerantly, so other fields are ignored.
 */
public record SuggestionEventV1(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        Integer term,
        Integer session,
        Integer year,
        String supervisionLevel,
        String priority,
        List<String> topics,
        Deputy leadDeputy,
        LocalDate assignedOn) {

    public static final String SUBMITTED = "suggestion.submitted.v1";
    public static final String ASSIGNED = "suggestion.assigned.v1";
    public static final String REASSIGNED = "suggestion.reassigned.v1";
    public static final String WITHDRAWN = "suggestion.withdrawn.v1";

    public record Deputy(String id, String name) {
    }

    /** The first required field that is absent, or null. */
    public String missingField() {
        if (suggestionId == null) {
            return "suggestionId";
        }
        if (congressBody == null || congressBody.isBlank()) {
            return "congressBody";
        }
        if (number == null || number.isBlank()) {
            return "number";
        }
        return null;
    }

    /**
     * The first field outside the range the suggestion-service accepts (year 1949–2100, term and session 1–99), or null:
     * the read model, and so the reports' documented bounds, never hold another value.
     */
    public String outOfRange() {
        if (year != null && (year < Limits.YEAR_MIN || year > Limits.YEAR_MAX)) {
            return "year";
        }
        if (term != null && (term < 1 || term > Limits.TERM_MAX)) {
            return "term";
        }
        if (session != null && (session < 1 || session > Limits.TERM_MAX)) {
            return "session";
        }
        return null;
    }
}
