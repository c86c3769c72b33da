package gov.suggestions.workflow.event;

import static java.time.temporal.ChronoUnit.MILLIS;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies the records of one poll (a channel with {@code batch=true}) in one transaction with their inbox rows: one
 * commit per poll instead of one per event is what lets a consumer keep up with a busy topic. Records are applied in the
 * order they arrived, so each key's order holds.
 * <p>
 * When the batch fails it is rolled back and its records are applied again one at a time, each in its own transaction
 * with a few quick retries. A record that still fails goes to the channel's failure strategy (the dead-letter topic);
 * the others are applied once, neither lost nor repeated. An unreachable database is waited out, as one event at a
 * time was.
 * <p>
 * Each record is applied under a span of its own whose parent is the record's trace context (the Kafka connector's
 * receive span, a child of the record's {@code traceparent}): the record's work, its SQL and any event it writes to the
 * outbox belong to the trace of the request that caused it. The connector does not do this for a batch: it only
 * attaches each record's context.
 */
@Singleton
public class EventBatches {

    /** How one record is applied: its data and CloudEvent attributes (null when the record carries none). */
    @FunctionalInterface
    public interface Handler {
        void apply(String data, IncomingCloudEventMetadata<String> cloudEvent);
    }

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    /** How long sending a failed record to the dead-letter topic may take before the batch is left for another try. */
    private static final long DEAD_LETTER_SECONDS = 60;

    private final DatabaseOutage outage;
    private final DeadLetterUnlessStopping failureStrategy;
    private final Tracer tracer;
    private final Guard retries = Guard.create().withRetry().maxRetries(5).delay(500, MILLIS).jitter(200, MILLIS)
            .abortOn(UnprocessableEventException.class).done().build();

    public EventBatches(DatabaseOutage outage, @Identifier(DeadLetterUnlessStopping.NAME) DeadLetterUnlessStopping failureStrategy,
            Tracer tracer) {
        this.outage = outage;
        this.failureStrategy = failureStrategy;
        this.tracer = tracer;
    }

    /** @return completes once every record is applied or dead-lettered; never, when the service stops meanwhile */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Handler handler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            outage.waitOut(() -> QuarkusTransaction.requiringNew().run(() -> records.forEach(record -> applyOne(record, handler))));
            return batch.ack();
        } catch (RuntimeException failure) {
            if (failureStrategy.stopping()) {
                return leftForTheNextOwner();
            }
            LOG.debugf("a batch of %d records failed (%s); applying them one at a time", records.size(), failure.getMessage());
        }
        for (KafkaRecord<String, String> record : records) {
            try {
                retries.get(() -> {
                    outage.waitOut(() -> QuarkusTransaction.requiringNew().run(() -> applyOne(record, handler)));
                    return null;
                }, Void.class);
            } catch (RuntimeException failure) {
                if (failureStrategy.stopping()) {
                    return leftForTheNextOwner();
                }
                try {
                    record.nack(failure).toCompletableFuture().get(DEAD_LETTER_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return leftForTheNextOwner();
                } catch (ExecutionException | TimeoutException e) {
                    // not acknowledged: the batch's offsets stay uncommitted and the channel reports the failure
                    return CompletableFuture.failedFuture(e);
                }
            }
        }
        return batch.ack();
    }

    private void applyOne(KafkaRecord<String, String> record, Handler handler) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> cloudEvent = record.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        Span span = processing(record, cloudEvent);
        try (Scope scope = span.makeCurrent()) {
            handler.apply(record.getPayload(), cloudEvent);
        } catch (RuntimeException failure) {
            // the type only: a message may quote the event's data
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            throw failure;
        } finally {
            span.end();
        }
    }

    private Span processing(KafkaRecord<String, String> record, IncomingCloudEventMetadata<String> cloudEvent) {
        Context parent = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElseGet(Context::root);
        var span = tracer.spanBuilder("process " + record.getTopic()).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.getTopic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.getPartition()));
        if (cloudEvent != null) {
            span.setAttribute("cloudevents.event_id", cloudEvent.getId())
                    .setAttribute("cloudevents.event_type", cloudEvent.getType())
                    .setAttribute("cloudevents.event_source", String.valueOf(cloudEvent.getSource()));
        }
        return span.startSpan();
    }

    /**
     * While the service stops, what fails most often failed because the stop closed the datasource: nothing is
     * acknowledged, so the member of the group that takes the partition next applies the batch again (the inbox skips
     * what this one committed).
     */
    private static CompletionStage<Void> leftForTheNextOwner() {
        return new CompletableFuture<>();
    }
}
