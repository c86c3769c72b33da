package gov.suggestions.workflow.domain;

/** The workflow does not allow this now (409), with the reason in both languages. */
public class ConflictException extends RuntimeException {

    private final Text reason;

    public ConflictException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
