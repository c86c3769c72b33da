package gov.suggestions.notification.event;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import gov.suggestions.notification.repository.OutboxEventRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox as operators watch it: how many rows wait to be published ({@code suggestions_outbox_unpublished_events})
 * and how long the oldest has waited ({@code suggestions_outbox_oldest_unpublished_age_seconds}). The database is read
 * every {@code signals.refresh-every} on the scheduler's thread, never by a scrape, so a scrape stays quick and works
 * while the database is down. Meanwhile the row count keeps its last value and the age, taken from the oldest row's time
 * at each scrape, keeps growing: nothing is published without the database either.
 */
@Startup
@ApplicationScoped
public class OutboxSignals {

    private static final Logger LOG = Logger.getLogger(OutboxSignals.class);

    private final OutboxEventRepository repository;
    private final AtomicBoolean unreadable = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile OutboxEventRepository.Backlog backlog = new OutboxEventRepository.Backlog(0, null);

    public OutboxSignals(OutboxEventRepository repository, MeterRegistry meters) {
        this.repository = repository;
        Gauge.builder("suggestions.outbox.unpublished", this, signals -> signals.backlog.rows())
                .description("Outbox rows not yet published to Kafka").baseUnit("events").strongReference(true).register(meters);
        Gauge.builder("suggestions.outbox.oldest.unpublished.age", this, OutboxSignals::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited (0 when none waits)").baseUnit("seconds")
                .strongReference(true).register(meters);
    }

    /** A count after this would only find the datasource closed. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(every = "${signals.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (stopping) {
            return;
        }
        try {
            backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
            if (unreadable.compareAndSet(true, false)) {
                LOG.info("outbox backlog readable again");
            }
        } catch (RuntimeException e) {
            if (unreadable.compareAndSet(false, true)) {
                LOG.warnf("outbox backlog not read (%s); its metrics keep their last values until the database answers", e.getMessage());
            }
        }
    }

    private double oldestAgeSeconds() {
        Instant oldest = backlog.oldestOccurredAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
