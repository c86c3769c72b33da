package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.Text;

/** Request parameters that do not make sense together: answered 400 with the field at fault and the reason. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    private final Text reason;

    public InvalidRequestException(String field, Text reason) {
        super(reason.en());
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
