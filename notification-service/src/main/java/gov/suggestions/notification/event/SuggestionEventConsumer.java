package gov.suggestions.notification.event;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Consumes the {@code suggestions} topic. Each event is applied once through the inbox; a message that
 * cannot be processed is nacked and the connector moves it to the dead-letter topic with the
 * reason, and consumption goes on.
 */
@ApplicationScoped
public class SuggestionEventConsumer {

    private final IncomingEvents events;
    private final DatabaseOutage outage;

    public SuggestionEventConsumer(IncomingEvents events, DatabaseOutage outage) {
        this.events = events;
        this.outage = outage;
    }

    @Incoming("suggestion-events")
    @Blocking
    // transient failures are retried, an unreachable database is waited for; an unprocessable message is not retried
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = UnprocessableEventException.class)
    public void consume(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        outage.waitOut(() -> events.process(data, cloudEvent));
    }
}
