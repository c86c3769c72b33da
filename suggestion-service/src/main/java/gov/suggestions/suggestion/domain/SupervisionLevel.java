package gov.suggestions.suggestion.domain;

/** Ordinary, or key supervised (重点督办) by the congress standing committee or by the government. */
public enum SupervisionLevel {
    ORDINARY, STANDING_COMMITTEE_KEY, GOVERNMENT_KEY
}
