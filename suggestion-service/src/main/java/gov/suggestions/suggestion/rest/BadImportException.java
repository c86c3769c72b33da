package gov.suggestions.suggestion.rest;

import gov.suggestions.suggestion.service.Text;

/** An import request that is not a batch at all (as opposed to a batch with bad rows): answered 400. */
public class BadImportException extends RuntimeException {

    private final Text reason;

    public BadImportException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
