package gov.suggestions.workflow.event;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
}
