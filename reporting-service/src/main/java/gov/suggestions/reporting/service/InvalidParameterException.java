package gov.suggestions.reporting.service;

/** A request parameter that passed its own checks but not together with the others (or not as a date): 400 naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;
    private final Text reason;

    public InvalidParameterException(String field, Text reason) {
        super(field + ": " + reason.en());
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Text reason() {
        return reason;
    }
}
