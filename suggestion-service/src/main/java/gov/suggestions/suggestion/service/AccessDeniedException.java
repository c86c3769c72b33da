package gov.suggestions.suggestion.service;

import gov.suggestions.suggestion.domain.Text;

/** The caller's role is right but the token does not cover this congress body: 403. */
public class AccessDeniedException extends RuntimeException {

    private final Text reason;

    public AccessDeniedException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
