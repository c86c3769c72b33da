package gov.suggestions.notification.event;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the {@code suggestions} topic. Each event is applied once through the inbox; a message that
 * cannot be processed is nacked and the connector moves it to the dead-letter topic with the
 * reason, and consumption goes on.
 */
@ApplicationScoped
public class SuggestionEventConsumer {

    private final IncomingEvents events;

    public SuggestionEventConsumer(IncomingEvents events) {
        this.events = events;
    }

    @Incoming("suggestion-events")
    @Blocking
    // transient failures are retried, an unreachable database is waited for; an unprocessable message is not retried
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = UnprocessableEventException.class)
    public void consume(ConsumerRecord<String, String> record) {
        DatabaseOutage.waitOut(() -> events.process(record));
    }
}
