package gov.suggestions.notification.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

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
        intake.receive(source, id, type, time(record), parse(record.value(), id));
    }

    /** The optional {@code ce_time} (RFC 3339); one that cannot be read is left out, like a missing one. */
    private static OffsetDateTime time(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_time");
        if (header == null || header.value() == null || header.value().length == 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(new String(header.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            LOG.debugf("ce_time of the record %s is not RFC 3339: left out", record.topic() + "-" + record.partition() + "@" + record.offset());
            return null;
        }
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
