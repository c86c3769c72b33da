package gov.suggestions.reporting.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.reporting.event.CaseEventV1;

/**
 * What the annual summary needs beyond the case rows: each communication once (a symposium shared by
 * several cases keeps one id) and the measures of each case's latest reply. Runs inside the caller's
 * inbox transaction. Rows are written with plain JDBC (a native query would flush the whole persistence
 * context first), one statement per table: at once for a live event, at the end for a rebuild's batch.
 */
@ApplicationScoped
public class SummaryProjection {

    /** The batch open on this thread, if any (see {@link #inBatch}). */
    private static final ThreadLocal<Pending> BATCH = new ThreadLocal<>();

    private final EntityManager em;
    private final ObjectMapper json;

    public SummaryProjection(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Runs {@code work} collecting the summary rows of its events in memory, then writes them with one statement
     * per table: the same rows as one statement per event (the events of a batch are applied in their order).
     */
    public void inBatch(Runnable work) {
        Pending pending = new Pending();
        BATCH.set(pending);
        try {
            work.run();
        } finally {
            BATCH.remove();
        }
        write(pending);
    }

    void communication(String eventId, CaseEventV1 event) {
        String id = event.communicationId() != null && !event.communicationId().isBlank() ? event.communicationId() : "event:" + eventId;
        Pending pending = pending();
        // ON CONFLICT DO NOTHING: the first row of a (communication, case) stays
        pending.communications.putIfAbsent(id + "\n" + event.caseId(), new String[] { id, event.caseId().toString(),
                event.kind() == null ? "" : event.kind(), text(event.communicatedAt() != null ? event.communicatedAt() : event.occurredAt()) });
        if (BATCH.get() == null) {
            write(pending);
        }
    }

    /** The latest reply's measures replace earlier ones; a reply without the field keeps what an earlier reply reported. */
    void replied(CaseEventV1 event) {
        boolean reported = event.commitments() != null;
        List<CaseEventV1.Commitment> commitments = reported ? event.commitments() : List.of();
        String commitmentsJson;
        try {
            commitmentsJson = json.writeValueAsString(commitments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Pending pending = pending();
        // several replies of a case in one batch come to one row: the last that reported measures, else the last
        String[] earlier = pending.measures.get(event.caseId());
        if (reported || earlier == null || !Boolean.parseBoolean(earlier[1])) {
            pending.measures.put(event.caseId(), new String[] { event.caseId().toString(), String.valueOf(reported), commitmentsJson });
        }
        if (BATCH.get() == null) {
            write(pending);
        }
    }

    private static Pending pending() {
        Pending pending = BATCH.get();
        return pending != null ? pending : new Pending();
    }

    private void write(Pending pending) {
        if (pending.communications.isEmpty() && pending.measures.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            if (!pending.communications.isEmpty()) {
                execute(connection, """
                        INSERT INTO report_communication (communication_id, case_id, kind, communicated_at)
                        SELECT id, cast(case_id as uuid), kind, cast(at as timestamptz)
                        FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS c(id, case_id, kind, at)
                        ON CONFLICT (communication_id, case_id) DO NOTHING""", new ArrayList<>(pending.communications.values()), 4);
            }
            if (!pending.measures.isEmpty()) {
                execute(connection, """
                        INSERT INTO report_reply_measures (case_id, reported, commitments, updated_at)
                        SELECT cast(case_id as uuid), cast(reported as boolean), cast(commitments as jsonb), now()
                        FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS m(case_id, reported, commitments)
                        ON CONFLICT (case_id) DO UPDATE SET reported = excluded.reported, commitments = excluded.commitments, updated_at = excluded.updated_at
                        WHERE excluded.reported OR NOT report_reply_measures.reported""", new ArrayList<>(pending.measures.values()), 3);
            }
        });
    }

    /** Binds each column of {@code rows} as one array parameter. */
    private static void execute(Connection connection, String sql, List<String[]> rows, int columns) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns; c++) {
                String[] column = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c];
                }
                statement.setArray(c + 1, connection.createArrayOf("varchar", column));
            }
            statement.executeUpdate();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Rows not written yet, keyed as their table's primary key. */
    private static final class Pending {
        final Map<String, String[]> communications = new LinkedHashMap<>();
        final Map<UUID, String[]> measures = new LinkedHashMap<>();
    }
}
