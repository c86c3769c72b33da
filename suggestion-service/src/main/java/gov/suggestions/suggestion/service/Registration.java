package gov.suggestions.suggestion.service;

import gov.suggestions.suggestion.domain.Suggestion;

/** The registered suggestion, and whether this call created it or replayed an earlier call with the same Idempotency-Key. */
public record Registration(Suggestion suggestion, boolean replayed) {
}
