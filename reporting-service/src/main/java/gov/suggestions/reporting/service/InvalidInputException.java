package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/** A request value the annotations cannot judge alone (a credit code's check digit, a section of no listed suggestion, a date range that ends before it starts): 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final Text reason;

    public InvalidInputException(String field, Text reason) {
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
