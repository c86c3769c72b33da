package gov.suggestions.reporting.event;

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

import gov.suggestions.reporting.service.ReadModelProjection;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the {@code suggestions} and {@code cases} topics (CloudEvents in binary mode). Records are
 * keyed by suggestion id, so each suggestion's events arrive in order; each is applied once through
 * the inbox. A message that cannot be processed goes to {@code reporting-service.<topic>.dlq} with
 * the reason, and consumption goes on.
 */
@ApplicationScoped
public class EventConsumers {

    private final ReadModelProjection projection;
    private final ObjectReader suggestionReader;
    private final ObjectReader caseReader;

    public EventConsumers(ReadModelProjection projection, ObjectMapper objectMapper) {
        this.projection = projection;
        this.suggestionReader = objectMapper.readerFor(SuggestionEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.caseReader = objectMapper.readerFor(CaseEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("suggestion-events")
    @Blocking
    // transient failures are retried, an unreachable database is waited for; an unprocessable message is not retried
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = UnprocessableEventException.class)
    public void consumeSuggestion(ConsumerRecord<String, String> record) {
        DatabaseOutage.waitOut(() -> suggestions(record));
    }

    @Incoming("case-events")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = UnprocessableEventException.class)
    public void consumeCase(ConsumerRecord<String, String> record) {
        DatabaseOutage.waitOut(() -> cases(record));
    }

    /** One event of the suggestions topic; also what a rebuild replays, in its own transaction (so without waiting). */
    public void suggestions(ConsumerRecord<String, String> record) {
        suggestions(record, null);
    }

    /** The same with the record's data already read by {@link #suggestionEvent} (null: read it here). */
    public void suggestions(ConsumerRecord<String, String> record, SuggestionEventV1 parsed) {
        String id = requiredHeader(record, "ce_id");
        String source = requiredHeader(record, "ce_source");
        String type = requiredHeader(record, "ce_type");
        if (!type.equals(SuggestionEventV1.SUBMITTED) && !type.equals(SuggestionEventV1.ASSIGNED)
                && !type.equals(SuggestionEventV1.REASSIGNED) && !type.equals(SuggestionEventV1.WITHDRAWN)) {
            projection.ignore(source, id, type);
            return;
        }
        SuggestionEventV1 event = parsed != null ? parsed : read(suggestionReader, record.value(), id, type);
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + id + " lacks " + missing);
        }
        String outOfRange = event.outOfRange();
        if (outOfRange != null) {
            throw new UnprocessableEventException("event " + id + " has " + outOfRange + " out of range");
        }
        projection.suggestion(source, id, type, event);
    }

    /** One event of the cases topic; also what a rebuild replays. */
    public void cases(ConsumerRecord<String, String> record) {
        cases(record, null);
    }

    /** The same with the record's data already read by {@link #caseEvent} (null: read it here). */
    public void cases(ConsumerRecord<String, String> record, CaseEventV1 parsed) {
        String id = requiredHeader(record, "ce_id");
        String source = requiredHeader(record, "ce_source");
        String type = requiredHeader(record, "ce_type");
        if (!type.startsWith(CaseEventV1.PREFIX)) {
            projection.ignore(source, id, type);
            return;
        }
        CaseEventV1 event = parsed != null ? parsed : read(caseReader, record.value(), id, type);
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + id + " lacks " + missing);
        }
        String outOfRange = event.outOfRange();
        if (outOfRange != null) {
            throw new UnprocessableEventException("event " + id + " has " + outOfRange + " out of range");
        }
        projection.caseEvent(source, id, type, event);
    }

    /** A suggestions record's data, or null when it cannot be read (the handler then says why): a rebuild reads each record once. */
    public SuggestionEventV1 suggestionEvent(String json) {
        return readOrNull(suggestionReader, json);
    }

    /** A cases record's data, or null when it cannot be read. */
    public CaseEventV1 caseEvent(String json) {
        return readOrNull(caseReader, json);
    }

    static <T> T readOrNull(ObjectReader reader, String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    static <T> T read(ObjectReader reader, String json, String id, String type) {
        if (json == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        try {
            return reader.readValue(json);
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + id + " data is not valid " + type + " JSON", e);
        }
    }

    static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new UnprocessableEventException("not a CloudEvent: header " + name + " is missing (offset "
                    + record.offset() + " of " + record.topic() + "-" + record.partition() + ")");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
