package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import gov.suggestions.suggestion.domain.Suggestion;

/**
 * Data of {@code suggestion.submitted.v1}: a suggestion was registered. Pinned by a golden-file
 * test; a breaking change is a new version published beside this one.
 */
public record SuggestionSubmittedV1(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        Deputy leadDeputy,
        int term,
        int session,
        int year,
        LocalDate submittedOn,
        Instant registeredAt,
        // true for a suggestion of the previous platform brought over by an import (absent otherwise)
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean imported) {

    public static final String TYPE = "suggestion.submitted.v1";

    /** The deputy's identity only: contacts are personal data and never travel in this event. */
    public record Deputy(String id, String name, String delegation) {
    }

    public static SuggestionSubmittedV1 of(Suggestion s) {
        return of(s, false);
    }

    /** @param imported a suggestion of the previous platform (an import row with its sourceRecord or assignment) */
    public static SuggestionSubmittedV1 of(Suggestion s, boolean imported) {
        return new SuggestionSubmittedV1(s.id, s.congressBody, s.number, s.kind.name(), s.title,
                new Deputy(s.leadDeputyId, s.leadDeputyName, s.leadDeputyDelegation),
                s.term, s.session, s.year, s.submittedOn, s.registeredAt, imported ? Boolean.TRUE : null);
    }
}
