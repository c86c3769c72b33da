package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/**
 * The token lacks the scope claim its role needs for this operation: a deputy token without {@code congress_body} or
 * {@code deputy} (refused on every operation), or a write by a unit office whose token names no unit. Answers 403.
 */
public class ScopeMissingException extends RuntimeException {

    private final Text reason;

    public ScopeMissingException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
