package gov.suggestions.suggestion.event;

/** A message no retry can fix (not a CloudEvent, not JSON, fields missing): it goes to the dead-letter topic with this reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
