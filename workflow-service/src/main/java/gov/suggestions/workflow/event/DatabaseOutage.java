package gov.suggestions.workflow.event;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * Applies an event, waiting for as long as the service's database cannot be reached (server down, restarting or
 * still recovering). The consumer's few quick retries cover a blip; an outage outlasts them, and without this the
 * event, which is perfectly good, would go to the dead-letter topic and its effect would never happen.
 */
final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private DatabaseOutage() {
    }

    static void waitOut(Runnable apply) {
        waitOut(apply, duration -> Thread.sleep(duration.toMillis()));
    }

    static void waitOut(Runnable apply, Sleeper sleeper) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                apply.run();
                if (attempt > 1) {
                    LOG.infof("database reachable again after %d attempts; event applied", attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warnf("database unreachable (%s); the event waits until it is back", e.getMessage());
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /**
     * SQL state class 08 (connection exception) and 57P01–57P03 (the server shutting down, crashed, or not accepting
     * connections yet), or a refused connection, anywhere in the cause chain.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
