package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code suggestion.linked.v1}: the congress office linked two suggestions to be handled together (并案);
 * each deputy still gets a reply. Published once for each of the two (keyed by {@code suggestionId}).
 */
public record SuggestionLinkedV1(
        UUID suggestionId,
        String congressBody,
        String number,
        UUID linkedSuggestionId,
        String linkedNumber,
        Instant linkedAt) {

    public static final String TYPE = "suggestion.linked.v1";
}
