package gov.suggestions.notification.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the {@code suggestions} topic. Each event is applied once through the inbox; a message that
 * cannot be processed is nacked and the connector moves it to the dead-letter topic with the
 * reason, and consumption goes on.
 */
@ApplicationScoped
public class SuggestionEventConsumer {

    private final IncomingEvents events;
    private final EventBatches batches;

    public SuggestionEventConsumer(IncomingEvents events, EventBatches batches) {
        this.events = events;
        this.batches = batches;
    }

    @Incoming("suggestion-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, events::process);
    }
}
