package gov.suggestions.suggestion.event;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import gov.suggestions.suggestion.config.OutboxConfig;
import gov.suggestions.suggestion.domain.OutboxEvent;
import gov.suggestions.suggestion.repository.OutboxEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Relays one batch of outbox rows to the {@code suggestions} topic as CloudEvents (binary mode,
 * key = suggestion id) and marks them published only once the broker has acknowledged them.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final OutboxEventRepository repository;
    private final Emitter<String> emitter;
    private final OutboxConfig config;

    public OutboxPublisher(OutboxEventRepository repository,
            @Channel("suggestion-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) Emitter<String> emitter,
            OutboxConfig config) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
    }

    /** @return how many rows were published; 0 when nothing was waiting in the slots this replica could take */
    public int publishBatch() {
        int timeoutSeconds = (int) config.ackTimeout().toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(this::publishInTransaction);
    }

    private int publishInTransaction() {
        List<Short> slots = repository.lockFreeSlots(config.keySlots());
        if (slots.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> batch = repository.nextUnpublished(slots, config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        // Only the acknowledged prefix is marked: a row after a failed one is sent again with it, keeping order per key.
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<Long> published = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!awaitAck(acks.get(i), deadline, batch.get(i))) {
                break;
            }
            published.add(batch.get(i).id);
        }
        if (!published.isEmpty()) {
            repository.markPublished(published, Instant.now());
        }
        return published.size();
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(URI.create(config.source()))
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        // the stored trace context, as CloudEvents extension attributes (ce_traceparent / ce_tracestate in binary mode) and
        // as the W3C headers; a row without one is sent without either
        EventTrace trace = EventTrace.stored(event.traceparent, event.tracestate);
        RecordHeaders headers = new RecordHeaders();
        if (trace != null) {
            cloudEvent.withExtension(EventTrace.TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                cloudEvent.withExtension(EventTrace.TRACESTATE, trace.tracestate());
            }
            trace.addTo(headers);
        }
        // compact JSON of the stored tree: the same data as appended, keys in jsonb's order (consumers read JSON, not bytes)
        Message<String> message = Message.of(event.payload.toString())
                .addMetadata(cloudEvent.build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.aggregateId).withHeaders(headers).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static boolean awaitAck(CompletableFuture<Void> ack, long deadlineNanos, OutboxEvent event) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.debugf("outbox event %d not acknowledged in time; it stays for the next round", event.id);
            return false;
        } catch (ExecutionException e) {
            LOG.warnf("outbox event %d (%s) was not accepted by the broker: %s", event.id, event.eventType,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
