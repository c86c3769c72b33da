package gov.suggestions.suggestion.event;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.suggestions.suggestion.service.CaseProgressService;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the {@code cases} topic (CloudEvents in binary mode) for each suggestion's progress view. Each
 * event is applied once through the inbox; a message that cannot be processed is nacked and the connector
 * moves it to {@code suggestion-service.cases.dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private final CaseProgressService service;
    private final ObjectReader reader;

    public CaseEventConsumer(CaseProgressService service, ObjectMapper objectMapper) {
        this.service = service;
        this.reader = objectMapper.readerFor(CaseEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("case-events")
    @Blocking
    // transient failures are retried, an unreachable database is waited for; an unprocessable message is not retried
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = UnprocessableEventException.class)
    public void consume(ConsumerRecord<String, String> record) {
        DatabaseOutage.waitOut(() -> apply(record));
    }

    private void apply(ConsumerRecord<String, String> record) {
        String id = requiredHeader(record, "ce_id");
        String source = requiredHeader(record, "ce_source");
        String type = requiredHeader(record, "ce_type");
        if (!type.startsWith("case.")) {
            service.ignore(source, id, type);
            return;
        }
        if (record.value() == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        CaseEventV1 event;
        try {
            event = reader.readValue(record.value());
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + id + " data is not valid " + type + " JSON", e);
        }
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + id + " lacks " + missing);
        }
        service.apply(source, id, type, event);
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
