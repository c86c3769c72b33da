package gov.suggestions.suggestion.domain;

/** Where a suggestion stands at intake. Assignment (交办) and withdrawal come with the intake issue. */
public enum SuggestionState {
    /** Registered by the congress office, not yet assigned to a handling unit. */
    REGISTERED
}
