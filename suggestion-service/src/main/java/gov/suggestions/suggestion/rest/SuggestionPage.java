package gov.suggestions.suggestion.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.Limits;

/** The OpenAPI shape of a page of suggestions (generic records do not document themselves). */
@Schema(name = "SuggestionPage")
public record SuggestionPage(
        @Schema(maxItems = Limits.PAGE_SIZE) List<SuggestionResponse> items,
        @Schema(description = "Suggestions over all pages", minimum = "0", maximum = Limits.LONG_MAX) long total,
        @Schema(description = "This page, from 0", minimum = "0", maximum = "" + Limits.LAST_PAGE) int page,
        @Schema(description = "The page size asked for", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
}
