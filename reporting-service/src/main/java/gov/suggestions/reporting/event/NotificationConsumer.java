package gov.suggestions.reporting.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.suggestions.reporting.service.NoticeProjection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the {@code notifications} topic (keyed by suggestion id, so in order per suggestion) with the same
 * discipline as the other topics: inbox, tolerant reading, poison messages to {@code reporting-service.notifications.dlq}.
 */
@ApplicationScoped
public class NotificationConsumer {

    private final NoticeProjection projection;
    private final EventBatches batches;
    private final ObjectReader reader;

    public NotificationConsumer(NoticeProjection projection, EventBatches batches, ObjectMapper objectMapper) {
        this.projection = projection;
        this.batches = batches;
        this.reader = objectMapper.readerFor(NotificationEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A notifications record's data, or null when it cannot be read (the handler then says why). */
    public NotificationEventV1 notificationEvent(String json) {
        return EventConsumers.readOrNull(reader, json);
    }

    @Incoming("notification-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (data, cloudEvent) -> notifications(cloudEvent, data, null));
    }

    /**
     * One event of the notifications topic; also what a rebuild replays, in its own transaction (so without waiting), with
     * the record's data already read by {@link #notificationEvent} ({@code parsed}; null: read it here).
     */
    public void notifications(IncomingCloudEventMetadata<String> cloudEvent, String data, NotificationEventV1 parsed) {
        UnprocessableEventException.requireCloudEvent(cloudEvent);
        String id = cloudEvent.getId();
        String source = cloudEvent.getSource().toString();
        String type = cloudEvent.getType();
        if (!type.equals(NotificationEventV1.SENT) && !type.equals(NotificationEventV1.FAILED)) {
            return; // not ours to record; nothing in the read model depends on it
        }
        NotificationEventV1 event = parsed != null ? parsed : EventConsumers.read(reader, data, id, type);
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + id + " lacks " + missing);
        }
        projection.notice(source, id, type, event);
    }
}
