package gov.suggestions.notification.rest;

import java.util.List;
import java.util.function.Function;

import gov.suggestions.notification.service.Page;

/** A page of a list with the total number of items behind it. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}
