package gov.suggestions.workflow.domain;

/** A request field breaks a handling rule that bean validation cannot express (400 naming the field). */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final Text reason;

    public RuleViolationException(String field, Text reason) {
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
