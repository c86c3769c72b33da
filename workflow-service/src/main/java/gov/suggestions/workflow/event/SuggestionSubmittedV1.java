package gov.suggestions.workflow.event;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import gov.suggestions.workflow.domain.Limits;

/**
 * What this service reads of {@code suggestion.submitted.v1} (published by suggestion-service). A
 * tolerant reader: fields it does not know are ignored, so the publisher may add fields freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuggestionSubmittedV1(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        Deputy leadDeputy,
        Integer term,
        Integer session,
        Integer year,
        LocalDate submittedOn) {

    public static final String TYPE = "suggestion.submitted.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deputy(String id, String name) {
    }

    /** The fields this service needs; an event without them cannot be processed at all. */
    public String missingField() {
        if (suggestionId == null) return "suggestionId";
        if (congressBody == null) return "congressBody";
        if (number == null) return "number";
        if (kind == null) return "kind";
        if (title == null) return "title";
        if (leadDeputy == null || leadDeputy.id() == null || leadDeputy.name() == null) return "leadDeputy";
        if (term == null) return "term";
        if (session == null) return "session";
        if (year == null) return "year";
        if (submittedOn == null) return "submittedOn";
        return null;
    }

    /** A number outside what this service keeps and documents (Limits), or null. */
    public String outOfRange() {
        if (year < Limits.MIN_YEAR || year > Limits.MAX_YEAR) return "year " + year + " outside " + Limits.MIN_YEAR + "-" + Limits.MAX_YEAR;
        if (term < Limits.MIN_TERM || term > Limits.MAX_TERM) return "term " + term + " outside " + Limits.MIN_TERM + "-" + Limits.MAX_TERM;
        if (session < Limits.MIN_TERM || session > Limits.MAX_TERM) return "session " + session + " outside " + Limits.MIN_TERM + "-" + Limits.MAX_TERM;
        return null;
    }
}
