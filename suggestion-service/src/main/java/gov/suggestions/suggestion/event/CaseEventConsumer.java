package gov.suggestions.suggestion.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.suggestions.suggestion.service.CaseProgressService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the {@code cases} topic (CloudEvents in binary mode) for each suggestion's progress view. Each
 * event is applied once through the inbox; a message that cannot be processed is nacked and the connector
 * moves it to {@code suggestion-service.cases.dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private final CaseProgressService service;
    private final EventBatches batches;
    private final ObjectReader reader;

    public CaseEventConsumer(CaseProgressService service, EventBatches batches, ObjectMapper objectMapper) {
        this.service = service;
        this.batches = batches;
        this.reader = objectMapper.readerFor(CaseEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("case-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (data, cloudEvent) -> apply(data, UnprocessableEventException.requireCloudEvent(cloudEvent)));
    }

    private void apply(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        String id = cloudEvent.getId();
        String source = cloudEvent.getSource().toString();
        String type = cloudEvent.getType();
        if (!type.startsWith("case.")) {
            service.ignore(source, id, type);
            return;
        }
        if (data == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        CaseEventV1 event;
        try {
            event = reader.readValue(data);
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + id + " data is not valid " + type + " JSON", e);
        }
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + id + " lacks " + missing);
        }
        service.apply(source, id, type, event);
    }
}
