package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
        Instant registeredAt) {

    public static final String TYPE = "suggestion.submitted.v1";

    /** The deputy's identity only: contacts are personal data and never travel in this event. */
    public record Deputy(String id, String name, String delegation) {
    }

    public static SuggestionSubmittedV1 of(Suggestion s) {
        return new SuggestionSubmittedV1(s.id, s.congressBody, s.number, s.kind.name(), s.title,
                new Deputy(s.leadDeputyId, s.leadDeputyName, s.leadDeputyDelegation),
                s.term, s.session, s.year, s.submittedOn, s.registeredAt);
    }
}
