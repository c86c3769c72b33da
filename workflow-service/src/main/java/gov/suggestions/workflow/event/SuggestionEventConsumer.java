package gov.suggestions.workflow.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.suggestions.workflow.service.CaseOpening;
import gov.suggestions.workflow.service.ReceivedSuggestionService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the {@code suggestions} topic (CloudEvents in binary mode), a poll's records at a time
 * ({@link EventBatches}). Each event is applied once through the inbox; a message that cannot be
 * processed goes to the dead-letter topic with the reason, and consumption goes on.
 */
@ApplicationScoped
public class SuggestionEventConsumer {

    private static final Logger LOG = Logger.getLogger(SuggestionEventConsumer.class);

    private final ReceivedSuggestionService service;
    private final CaseOpening cases;
    private final EventBatches batches;
    private final ObjectReader submittedReader;
    private final ObjectReader assignedReader;

    public SuggestionEventConsumer(ReceivedSuggestionService service, CaseOpening cases, EventBatches batches, ObjectMapper objectMapper) {
        this.service = service;
        this.cases = cases;
        this.batches = batches;
        this.submittedReader = objectMapper.readerFor(SuggestionSubmittedV1.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.assignedReader = objectMapper.readerFor(SuggestionAssignedV1.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("suggestion-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
    }

    private void apply(String data, IncomingCloudEventMetadata<String> ce) {
        IncomingCloudEventMetadata<String> cloudEvent = UnprocessableEventException.requireCloudEvent(ce);
        String id = cloudEvent.getId();
        String source = cloudEvent.getSource().toString();
        String type = cloudEvent.getType();
        if (SuggestionAssignedV1.ASSIGNED.equals(type) || SuggestionAssignedV1.REASSIGNED.equals(type)) {
            SuggestionAssignedV1 event = parseAssignment(data, id, type);
            if (SuggestionAssignedV1.ASSIGNED.equals(type)) {
                cases.assigned(source, id, event);
            } else {
                cases.reassigned(source, id, event);
            }
            return;
        }
        if (!SuggestionSubmittedV1.TYPE.equals(type)) {
            service.ignore(source, id, type);
            LOG.debugf("ignored event %s of type %s", id, type);
            return;
        }
        SuggestionSubmittedV1 event = parse(data, id);
        service.receive(source, id, event);
    }

    private SuggestionSubmittedV1 parse(String json, String eventId) {
        if (json == null) {
            throw new UnprocessableEventException("event " + eventId + " has no data");
        }
        SuggestionSubmittedV1 event;
        try {
            event = submittedReader.readValue(json);
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + eventId + " data is not valid " + SuggestionSubmittedV1.TYPE + " JSON", e);
        }
        String missing = event.missingField();
        if (missing != null) {
            throw new UnprocessableEventException("event " + eventId + " lacks " + missing);
        }
        String outOfRange = event.outOfRange();
        if (outOfRange != null) {
            throw new UnprocessableEventException("event " + eventId + " has " + outOfRange);
        }
        return event;
    }

    private SuggestionAssignedV1 parseAssignment(String json, String eventId, String type) {
        if (json == null) {
            throw new UnprocessableEventException("event " + eventId + " has no data");
        }
        SuggestionAssignedV1 event;
        try {
            event = assignedReader.readValue(json);
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + eventId + " data is not valid " + type + " JSON", e);
        }
        String missing = event.missingField(type);
        if (missing != null) {
            throw new UnprocessableEventException("event " + eventId + " lacks " + missing);
        }
        String outOfRange = event.outOfRange();
        if (outOfRange != null) {
            throw new UnprocessableEventException("event " + eventId + " has " + outOfRange);
        }
        return event;
    }
}
