package gov.suggestions.suggestion.domain;

public enum ReassignmentState {
    PENDING, APPROVED, REJECTED
}
