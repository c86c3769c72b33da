package gov.suggestions.suggestion.domain;

import java.util.UUID;

/** One side of a link between two suggestions handled together (并案): the linked one's id, number and title. */
public record SuggestionLink(UUID suggestionId, UUID linkedId, String number, String title) {
}
