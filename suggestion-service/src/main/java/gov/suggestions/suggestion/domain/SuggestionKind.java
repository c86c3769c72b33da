package gov.suggestions.suggestion.domain;

/** A deputy's suggestion (建议) to a people's congress, or a member's proposal (提案) to a CPPCC committee: one workflow. */
public enum SuggestionKind {
    SUGGESTION,
    PROPOSAL
}
