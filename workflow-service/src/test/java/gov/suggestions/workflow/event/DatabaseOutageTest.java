package gov.suggestions.workflow.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** An event met by a database outage waits for the database instead of going to the dead-letter topic (FaultsIT found it). */
class DatabaseOutageTest {

    private final List<Duration> waits = new ArrayList<>();

    @Test
    void anEventWaitsForTheDatabaseForAsLongAsItIsDownThenIsAppliedOnce() {
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        DatabaseOutage.waitOut(() -> {
            int attempt = tries.incrementAndGet();
            if (attempt <= 6) {
                throw new JDBCConnectionException("Unable to acquire JDBC Connection", new PSQLException(
                        "Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused")));
            }
            if (attempt <= 8) {
                // the server is back but still replaying its WAL
                throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLException("FATAL: the database system is starting up", "57P03"));
            }
            applied.incrementAndGet();
        }, waits::add);

        assertEquals(1, applied.get());
        assertEquals(8, waits.size(), "one wait per failed try, more than the consumer's 5 quick retries");
        assertEquals(Duration.ofSeconds(5), waits.get(7), "waits grow to 5 s and no further");
    }

    @Test
    void aConnectionCutMidTransactionIsWaitedOutToo() {
        AtomicInteger tries = new AtomicInteger();
        DatabaseOutage.waitOut(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException(new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE));
            }
        }, waits::add);

        assertEquals(2, tries.get());
    }

    @Test
    void anyOtherFailureIsLeftToTheConsumersRetriesAndDeadLetterTopic() {
        AtomicInteger tries = new AtomicInteger();
        ConstraintViolationException duplicate = new ConstraintViolationException("duplicate key",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION), "uq_case_suggestion_unit");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> DatabaseOutage.waitOut(() -> {
            tries.incrementAndGet();
            throw duplicate;
        }, waits::add));

        assertSame(duplicate, thrown);
        assertEquals(1, tries.get());
        assertEquals(List.of(), waits);
        assertThrows(UnprocessableEventException.class, () -> DatabaseOutage.waitOut(() -> {
            throw new UnprocessableEventException("not a CloudEvent");
        }, waits::add));
    }
}
