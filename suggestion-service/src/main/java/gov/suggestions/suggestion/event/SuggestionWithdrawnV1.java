package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.util.UUID;

import gov.suggestions.suggestion.domain.Suggestion;

/** Data of {@code suggestion.withdrawn.v1}: the congress office withdrew a suggestion before assignment. */
public record SuggestionWithdrawnV1(
        UUID suggestionId,
        String congressBody,
        String number,
        Instant withdrawnAt,
        String reason) {

    public static final String TYPE = "suggestion.withdrawn.v1";

    public static SuggestionWithdrawnV1 of(Suggestion s) {
        return new SuggestionWithdrawnV1(s.id, s.congressBody, s.number, s.withdrawnAt, s.withdrawalReason);
    }
}
