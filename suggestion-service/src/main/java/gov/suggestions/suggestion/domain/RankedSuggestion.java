package gov.suggestions.suggestion.domain;

import java.util.UUID;

/** A suggestion found similar to a text or another suggestion, with its ts_rank score (higher is more similar). */
public record RankedSuggestion(UUID id, String number, String title, int year, double score) {
}
