package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/** If-Match on an update: missing gives 428, an older version 412. */
public class PreconditionRequiredException extends RuntimeException {

    private final Text reason;

    public PreconditionRequiredException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
