package gov.suggestions.notification.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.notification.service.NotificationIntake;

/**
 * Reads a CloudEvent in binary mode off a Kafka record and hands it to the intake. A tolerant
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

    public void process(ConsumerRecord<String, String> record) {
        String id = requiredHeader(record, "ce_id");
        String source = requiredHeader(record, "ce_source");
        String type = requiredHeader(record, "ce_type");
        intake.receive(source, id, type, parse(record.value(), id));
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

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new UnprocessableEventException("not a CloudEvent: header " + name + " is missing (offset "
                    + record.offset() + " of " + record.topic() + "-" + record.partition() + ")");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
