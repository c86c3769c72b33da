package gov.suggestions.workflow.event;

import java.util.function.BiConsumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The consumers' failure strategy ({@code failure-strategy=dead-letter-unless-stopping}): the dead-letter topic, except
 * while the service stops. A record that fails then most often failed because the stop closed what it needed (the
 * datasource); it is left unacknowledged, so its offset is never committed and the member of the group that takes the
 * partition next processes it again. A record that is really unprocessable is dead-lettered by that member.
 * Each record the dead-letter topic took is counted ({@code suggestions_events_dead_lettered_total}, per channel and
 * topic): a poison message is a defect someone has to look at, and the metric is what alerts them.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "dead-letter-unless-stopping";
    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    public DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            MeterRegistry meters) {
        this.deadLetterQueue = deadLetterQueue;
        this.meters = meters;
    }

    /** First of the stop: before the connector and the datasource are closed. */
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Whether the service has begun to stop: a consumer that applies a batch itself asks before dead-lettering. */
    public boolean stopping() {
        return stopping;
    }


    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        // registered when the channel starts, so the series exists (at 0) before the first poison message and increase() sees it
        Counter deadLettered = Counter.builder("suggestions.events.dead.lettered")
                .description("Records a consumer gave up on and sent to its dead-letter topic")
                .tag("channel", config.getChannel())
                .tag("topic", config.getTopic().orElse(config.getChannel()))
                .tag("dead_letter_topic", config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel()))
                .register(meters);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping) {
                    LOG.infof("%s partition %d offset %d failed while the service stops (%s); left uncommitted, to be processed again",
                            record.getTopic(), record.getPartition(), record.getOffset(), reason.getClass().getSimpleName());
                    return Uni.createFrom().nothing();
                }
                return deadLetters.handle(record, reason, metadata).invoke(() -> deadLettered.increment());
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }
}
