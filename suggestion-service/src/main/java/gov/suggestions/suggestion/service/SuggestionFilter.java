package gov.suggestions.suggestion.service;

import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.domain.UnitRole;

/** Filters of the suggestion list; null means "any". Narrowed further by what the caller may see. */
public record SuggestionFilter(
        String congressBody,
        Integer term,
        Integer session,
        Integer year,
        SuggestionState state,
        String topic,
        SupervisionLevel supervisionLevel,
        String deputy,
        String unit,
        UnitRole role) {
}
