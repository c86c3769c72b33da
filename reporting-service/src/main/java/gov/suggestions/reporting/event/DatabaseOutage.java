package gov.suggestions.reporting.event;

import static java.time.temporal.ChronoUnit.MILLIS;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.Guard;

/**
 * Applies an event, waiting for as long as the service's database cannot be reached (server down, restarting or
 * still recovering). The consumer's few quick retries cover a blip; an outage outlasts them, and without this the
 * event, which is perfectly good, would go to the dead-letter topic and its effect would never happen.
 */
@Singleton
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final AtomicBoolean waiting = new AtomicBoolean();
    private final Guard guard;

    public DatabaseOutage() {
        this(200, 5000);
    }

    /** Waits {@code firstWaitMillis} after the first failed try, then twice as long each time up to {@code longestWaitMillis}. */
    DatabaseOutage(long firstWaitMillis, long longestWaitMillis) {
        // -1 retries and a maximum duration of 0 are no limit: only the database coming back, or another failure, ends it
        guard = Guard.create().withRetry().maxRetries(-1).maxDuration(0, MILLIS).whenException(DatabaseOutage::unreachable)
                .delay(firstWaitMillis, MILLIS).jitter(0, MILLIS).withExponentialBackoff().maxDelay(longestWaitMillis, MILLIS).done()
                .beforeRetry(failure -> {
                    if (waiting.compareAndSet(false, true)) {
                        LOG.warnf("database unreachable (%s); events wait until it is back", failure.getMessage());
                    }
                })
                .onSuccess(() -> {
                    if (waiting.compareAndSet(true, false)) {
                        LOG.info("database reachable again; the waiting events are applied");
                    }
                })
                .done().build();
    }

    /** Runs {@code apply} until the database lets it through; any other failure is thrown at once. */
    void waitOut(Runnable apply) {
        guard.get(() -> {
            apply.run();
            return null;
        }, Void.class);
    }

    /**
     * SQL state class 08 (connection exception) and 57P01–57P03 (the server shutting down, crashed, or not accepting
     * connections yet), or a refused connection, anywhere in the cause chain.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (t instanceof ConnectException || state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
