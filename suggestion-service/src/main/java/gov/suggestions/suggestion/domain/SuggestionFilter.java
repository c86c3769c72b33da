package gov.suggestions.suggestion.domain;

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
