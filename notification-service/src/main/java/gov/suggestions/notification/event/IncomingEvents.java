package gov.suggestions.notification.event;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.notification.service.NotificationIntake;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Hands a CloudEvent (binary mode: the Kafka connector reads its attributes from the record's headers) to the intake. A tolerant
 * reader: the data is read as a JSON tree, so publishers may add fields freely; what is missing is
 * found by the intake when it needs it.
 */
@ApplicationScoped
public class IncomingEvents {

    private final NotificationIntake intake;
    private final ObjectMapper objectMapper;

    public IncomingEvents(NotificationIntake intake, ObjectMapper objectMapper) {
        this.intake = intake;
        this.objectMapper = objectMapper;
    }

    public void process(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        UnprocessableEventException.requireCloudEvent(cloudEvent);
        String id = cloudEvent.getId();
        // the optional ce_time, read by the connector; webhooks pass it on as the CloudEvent's time
        OffsetDateTime time = cloudEvent.getTimeStamp().map(ZonedDateTime::toOffsetDateTime).orElse(null);
        intake.receive(cloudEvent.getSource().toString(), id, cloudEvent.getType(), time, parse(data, id));
    }

    private JsonNode parse(String json, String eventId) {
        if (json == null) {
            throw new UnprocessableEventException("event " + eventId + " has no data");
        }
        JsonNode data;
        try {
            data = objectMapper.readTree(json);
        } catch (IOException e) {
            // the message is not repeated: it may carry personal data
            throw new UnprocessableEventException("event " + eventId + " data is not valid JSON");
        }
        if (data == null || !data.isObject()) {
            throw new UnprocessableEventException("event " + eventId + " data is not a JSON object");
        }
        return data;
    }
}
