package gov.suggestions.workflow.domain;

/**
 * The caller may see the case but this step is someone else's (a review step that belongs to another role or a
 * named person, an evaluation by a co-signer): 403 with the reason. Unlike a 409, waiting does not help.
 */
public class NotYoursException extends RuntimeException {

    private final Text reason;

    public NotYoursException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
