package gov.suggestions.suggestion.rest;

import gov.suggestions.suggestion.domain.Text;

/** An import request that is not a batch at all (as opposed to a batch with bad rows): answered 400. */
public class BadImportException extends RuntimeException {

    private final Text reason;
    private final String field;

    public BadImportException(Text reason) {
        this(reason, null);
    }

    /** @param field the request field at fault, named in the problem's violations */
    public BadImportException(Text reason, String field) {
        super(reason.en());
        this.reason = reason;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public Text reason() {
        return reason;
    }
}
