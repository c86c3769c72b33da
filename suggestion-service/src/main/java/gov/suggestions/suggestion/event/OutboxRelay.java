package gov.suggestions.suggestion.event;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import gov.suggestions.suggestion.config.OutboxConfig;
import gov.suggestions.suggestion.repository.OutboxEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains the outbox on its own thread: woken right after a commit that wrote an event (so a poll
 * interval never dominates latency) and otherwise every {@code outbox.poll-interval}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final OutboxEventRepository repository;
    private final OutboxConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxPublisher publisher, OutboxEventRepository repository, OutboxConfig config) {
        this.publisher = publisher;
        this.repository = repository;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled in this replica");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(config.ackTimeout().toMillis() + 1000);
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        long deleted = QuarkusTransaction.requiringNew()
                .call(() -> repository.deletePublishedBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            LOG.infof("deleted %d published outbox rows", deleted);
        }
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                wakeUp.tryAcquire(Math.max(config.pollInterval().toMillis(), backoffMillis), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publisher.publishBatch() >= config.batchSize()) {
                    // a full batch: more rows are likely waiting. A shorter one drained the outbox; rows committed
                    // meanwhile have released the semaphore, so no empty round is spent looking for them.
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 500), 10_000);
                LOG.warnf("outbox relay round failed, retrying in %d ms: %s", backoffMillis, e.getMessage());
            }
        }
    }
}
