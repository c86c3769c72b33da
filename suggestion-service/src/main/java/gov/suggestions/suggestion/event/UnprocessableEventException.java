package gov.suggestions.suggestion.event;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** A message no retry can fix (not a CloudEvent, not JSON, fields missing): it goes to the dead-letter topic with this reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /**
     * The CloudEvent the Kafka connector read from the record's headers (binary mode), with its id, source and type. The
     * connector gives none unless ce_specversion, ce_id, ce_source and ce_type are all there; the dead-letter record's
     * own headers say which topic, partition and offset it came from.
     */
    public static <T> IncomingCloudEventMetadata<T> requireCloudEvent(IncomingCloudEventMetadata<T> cloudEvent) {
        if (cloudEvent == null) {
            throw new UnprocessableEventException("not a CloudEvent: the headers ce_specversion, ce_id, ce_source and ce_type are required");
        }
        if (cloudEvent.getId().isEmpty() || cloudEvent.getSource().toString().isEmpty() || cloudEvent.getType().isEmpty()) {
            throw new UnprocessableEventException("not a CloudEvent: header ce_id, ce_source or ce_type is empty");
        }
        return cloudEvent;
    }
}
