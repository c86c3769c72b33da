package gov.suggestions.reporting.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.suggestions.reporting.service.ReadModelProjection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;

/**
 * Consumes the {@code suggestions} and {@code cases} topics (CloudEvents in binary mode). Records are
 * keyed by suggestion id, so each suggestion's events arrive in order; each is applied once through
 * the inbox. A message that cannot be processed goes to {@code reporting-service.<topic>.dlq} with
 * the reason, and consumption goes on.
 */
@ApplicationScoped
public class EventConsumers {

    private final ReadModelProjection projection;
    private final EventBatches batches;
    private final ObjectReader suggestionReader;
    private final ObjectReader caseReader;

    public EventConsumers(ReadModelProjection projection, EventBatches batches, ObjectMapper objectMapper) {
        this.projection = projection;
        this.batches = batches;
        this.suggestionReader = objectMapper.readerFor(SuggestionEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.caseReader = objectMapper.readerFor(CaseEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("suggestion-events")
    @Blocking
    public CompletionStage<Void> consumeSuggestions(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (data, cloudEvent) -> suggestions(cloudEvent, data, null));
    }

    @Incoming("case-events")
    @Blocking
    public CompletionStage<Void> consumeCases(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (data, cloudEvent) -> cases(cloudEvent, data, null));
    }

    /**
     * One event of the suggestions topic; also what a rebuild replays, in its own transaction (so without waiting), with the
     * record's data already read by {@link #suggestionEvent} ({@code parsed}; null: read it here).
     */
    public void suggestions(IncomingCloudEventMetadata<String> cloudEvent, String data, SuggestionEventV1 parsed) {
        UnprocessableEventException.requireCloudEvent(cloudEvent);
        String id = cloudEvent.getId();
        String source = cloudEvent.getSource().toString();
        String type = cloudEvent.getType();
        if (!type.equals(SuggestionEventV1.SUBMITTED) && !type.equals(SuggestionEventV1.ASSIGNED)
                && !type.equals(SuggestionEventV1.REASSIGNED) && !type.equals(SuggestionEventV1.WITHDRAWN)) {
            projection.ignore(source, id, type);
            return;
        }
        SuggestionEventV1 event = parsed != null ? parsed : read(suggestionReader, data, id, type);
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

    /** One event of the cases topic; also what a rebuild replays, with the data read by {@link #caseEvent} (null: read it here). */
    public void cases(IncomingCloudEventMetadata<String> cloudEvent, String data, CaseEventV1 parsed) {
        UnprocessableEventException.requireCloudEvent(cloudEvent);
        String id = cloudEvent.getId();
        String source = cloudEvent.getSource().toString();
        String type = cloudEvent.getType();
        if (!type.startsWith(CaseEventV1.PREFIX)) {
            projection.ignore(source, id, type);
            return;
        }
        CaseEventV1 event = parsed != null ? parsed : read(caseReader, data, id, type);
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

    /**
     * The CloudEvent of a record the rebuild polls itself, read as the connector reads it for the live consumers (binary
     * mode: ce_specversion, ce_id, ce_source and ce_type all there); null when it is not one or its headers do not parse.
     */
    public static IncomingCloudEventMetadata<String> cloudEvent(ConsumerRecord<String, String> record) {
        if (KafkaCloudEventHelper.getCloudEventMode(record.headers()) != KafkaCloudEventHelper.CloudEventMode.BINARY) {
            return null;
        }
        try {
            return KafkaCloudEventHelper.createFromBinaryCloudEvent(record);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
