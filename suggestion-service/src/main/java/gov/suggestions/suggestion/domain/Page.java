package gov.suggestions.suggestion.domain;

import java.util.List;

/** One page of a list and the total over all pages. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
