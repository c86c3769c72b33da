package gov.suggestions.suggestion.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of suggestions (generic records do not document themselves). */
@Schema(name = "SuggestionPage")
public record SuggestionPage(List<SuggestionResponse> items, long total, int page, int size) {
}
