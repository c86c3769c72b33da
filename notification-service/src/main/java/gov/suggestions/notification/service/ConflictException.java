package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.Text;

/** A request that contradicts what is stored or what the workflow allows now: answered 409 with the reason. */
public class ConflictException extends RuntimeException {

    private final String field;

    private final Text reason;

    public ConflictException(Text reason, String field) {
        super(reason.en());
        this.reason = reason;
        this.field = field;
    }

    public Text reason() {
        return reason;
    }

    /** The request field at fault, or null when the conflict is about the resource's state. */
    public String field() {
        return field;
    }
}
