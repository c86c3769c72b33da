package gov.suggestions.suggestion.event;

/** A consumed message that no retry can process: it goes to the dead-letter topic with this reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
