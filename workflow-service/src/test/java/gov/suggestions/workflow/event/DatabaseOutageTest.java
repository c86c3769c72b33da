package gov.suggestions.workflow.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import gov.suggestions.workflow.support.ServiceTestResources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An event met by a database outage waits for the database instead of going to the dead-letter topic (FaultsIT found it).
 * A Quarkus test because the waiting is SmallRye Fault Tolerance's, which needs the CDI container; the waits are short
 * here (20 ms doubling up to 100 ms) but for one test of the consumers' own instance.
 */
@QuarkusTest
class DatabaseOutageTest extends ServiceTestResources {

    @Inject
    DatabaseOutage consumersOutage;

    /** When each try started, in milliseconds. */
    private final List<Long> tries = new ArrayList<>();

    @Test
    void anEventWaitsForTheDatabaseForAsLongAsItIsDownThenIsAppliedOnce() {
        DatabaseOutage outage = new DatabaseOutage(20, 100);
        AtomicInteger applied = new AtomicInteger();
        outage.waitOut(() -> {
            tries.add(System.nanoTime() / 1_000_000);
            if (tries.size() <= 6) {
                throw new JDBCConnectionException("Unable to acquire JDBC Connection", new PSQLException(
                        "Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused")));
            }
            if (tries.size() <= 8) {
                // the server is back but still replaying its WAL
                throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLException("FATAL: the database system is starting up", "57P03"));
            }
            applied.incrementAndGet();
        });

        assertEquals(1, applied.get());
        assertEquals(9, tries.size(), "8 failed tries, more than the consumer's 5 quick retries, then the one that applies the event");
        long[] atLeast = { 20, 40, 80, 100, 100, 100, 100, 100 };
        for (int i = 0; i < atLeast.length; i++) {
            long wait = tries.get(i + 1) - tries.get(i);
            assertTrue(wait >= atLeast[i], "wait " + (i + 1) + " lasted " + wait + " ms, expected " + atLeast[i]);
        }
        // growing on, the last wait would be 20 ms × 2⁷ = 2.56 s
        assertTrue(tries.get(8) - tries.get(7) < 1000, "waits grow up to the longest wait and no further");
    }

    @Test
    void theConsumersWaitFrom200MillisecondsOn() {
        consumersOutage.waitOut(() -> {
            tries.add(System.nanoTime() / 1_000_000);
            if (tries.size() <= 2) {
                throw new IllegalStateException(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            }
        });

        assertEquals(3, tries.size());
        assertTrue(tries.get(1) - tries.get(0) >= 200, "first wait " + (tries.get(1) - tries.get(0)) + " ms");
        assertTrue(tries.get(2) - tries.get(1) >= 400, "second wait " + (tries.get(2) - tries.get(1)) + " ms");
    }

    @Test
    void aConnectionCutMidTransactionIsWaitedOutToo() {
        DatabaseOutage outage = new DatabaseOutage(20, 100);
        outage.waitOut(() -> {
            tries.add(System.nanoTime());
            if (tries.size() == 1) {
                throw new IllegalStateException(new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE));
            }
        });

        assertEquals(2, tries.size());
    }

    @Test
    void anyOtherFailureIsLeftToTheConsumersRetriesAndDeadLetterTopic() {
        DatabaseOutage outage = new DatabaseOutage(20, 100);
        ConstraintViolationException duplicate = new ConstraintViolationException("duplicate key",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION), "uq_case_suggestion_unit");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> outage.waitOut(() -> {
            tries.add(System.nanoTime());
            throw duplicate;
        }));

        assertSame(duplicate, thrown);
        assertEquals(1, tries.size());
        assertThrows(UnprocessableEventException.class, () -> outage.waitOut(() -> {
            tries.add(System.nanoTime());
            throw new UnprocessableEventException("not a CloudEvent");
        }));
        assertEquals(2, tries.size(), "an unprocessable event is not tried again");
    }
}
