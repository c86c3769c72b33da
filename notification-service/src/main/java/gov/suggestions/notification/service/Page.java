package gov.suggestions.notification.service;

import java.util.List;

/** One page of a list and the total behind it. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
