package gov.suggestions.suggestion.domain;

/** Where a suggestion stands at intake. */
public enum SuggestionState {
    /** Registered by the congress office, not yet assigned to a handling unit. */
    REGISTERED,
    /** Assigned (交办) to one or more handling units. */
    ASSIGNED,
    /** Withdrawn by the congress office before assignment; nothing more happens to it. */
    WITHDRAWN
}
