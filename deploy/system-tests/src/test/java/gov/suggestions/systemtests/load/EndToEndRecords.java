package gov.suggestions.systemtests.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End to end, read from the services' own records after a load step, so that measuring adds no load during it: for
 * every suggestion of the step that Gatling assigned (numbers {@code <run>-…}),
 * <ul>
 * <li>assigned: when suggestion-service wrote the {@code suggestion.assigned.v1} event into its outbox, inside the
 * assignment's transaction ({@code outbox_event.occurred_at});</li>
 * <li>case in workflow-service: when workflow-service's inbox took that event, and the case it opened
 * ({@code inbox_event.processed_at});</li>
 * <li>case in reporting's ledger: when reporting-service's inbox took the {@code case.opened.v1} event workflow-service
 * published for it.</li>
 * </ul>
 * A consumer applies a poll's records in one transaction, which commits after its last record: the arrival of a record
 * is taken as the latest {@code processed_at} among the inbox rows of its transaction (same {@code xmin}), a lower bound
 * of the commit that makes it readable. All times come from clocks of this one machine.
 */
final class EndToEndRecords {

    /** One sample, in ms: assignment written → case opened in workflow / case in the ledger; registration → the same. */
    record Sample(double assignedToWorkflow, double assignedToLedger, double registeredToWorkflow, double registeredToLedger) {
    }

    /** The samples of a step and the assignments whose case had not arrived in both services when waiting ended. */
    record Step(List<Sample> samples, int lost) {
    }

    private record Assignment(String suggestionId, String eventId, double registeredMs, double assignedMs) {
    }

    private static final String ASSIGNMENTS = """
            SELECT o.aggregate_id, o.event_id::text, extract(epoch FROM s.registered_at) * 1000, extract(epoch FROM o.occurred_at) * 1000
            FROM outbox_event o JOIN suggestion s ON s.id::text = o.aggregate_id
            WHERE o.event_type = 'suggestion.assigned.v1' AND s.number LIKE ?""";
    private static final String CASES_OPENED = """
            SELECT payload->>'suggestionId', event_id::text FROM outbox_event
            WHERE event_type = 'case.opened.v1' AND payload->>'number' LIKE ?""";
    /** Each event's arrival: the last processed_at of the transaction that took it (xmin), milliseconds since the epoch. */
    private static final String ARRIVALS = """
            WITH mine AS (SELECT event_id, xmin::text::bigint AS tx FROM inbox_event WHERE event_id = ANY (?)),
                 last AS (SELECT xmin::text::bigint AS tx, max(processed_at) AS at FROM inbox_event
                          WHERE xmin::text::bigint IN (SELECT tx FROM mine) GROUP BY 1)
            SELECT mine.event_id, extract(epoch FROM last.at) * 1000 FROM mine JOIN last USING (tx)""";

    private final String jdbcBase;

    /** @param jdbcBase e.g. {@code jdbc:postgresql://127.0.0.1:5432/}; the databases are {@code <service>_bench}, role = password = service */
    EndToEndRecords(String jdbcBase) {
        this.jdbcBase = jdbcBase;
    }

    /** Waits (polling twice a second, at most {@code patienceMillis}) until every assignment of the run arrived in both services. */
    Step collect(String run, long patienceMillis) throws SQLException, InterruptedException {
        String numbers = run.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (true) {
            List<Assignment> assignments = new ArrayList<>();
            try (Connection suggestion = connect("suggestion"); PreparedStatement query = suggestion.prepareStatement(ASSIGNMENTS)) {
                query.setString(1, numbers);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        assignments.add(new Assignment(rows.getString(1), rows.getString(2), rows.getDouble(3), rows.getDouble(4)));
                    }
                }
            }
            Map<String, String> caseOpenedBySuggestion = new HashMap<>();
            Map<String, Double> inWorkflow;
            try (Connection workflow = connect("workflow")) {
                try (PreparedStatement query = workflow.prepareStatement(CASES_OPENED)) {
                    query.setString(1, numbers);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            caseOpenedBySuggestion.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
                inWorkflow = arrivals(workflow, assignments.stream().map(Assignment::eventId).toList());
            }
            Map<String, Double> inLedger;
            try (Connection reporting = connect("reporting")) {
                inLedger = arrivals(reporting, List.copyOf(caseOpenedBySuggestion.values()));
            }
            List<Sample> samples = new ArrayList<>();
            for (Assignment assignment : assignments) {
                Double workflowAt = inWorkflow.get(assignment.eventId());
                String caseOpened = caseOpenedBySuggestion.get(assignment.suggestionId());
                Double ledgerAt = caseOpened == null ? null : inLedger.get(caseOpened);
                if (workflowAt != null && ledgerAt != null) {
                    samples.add(new Sample(workflowAt - assignment.assignedMs(), ledgerAt - assignment.assignedMs(),
                            workflowAt - assignment.registeredMs(), ledgerAt - assignment.registeredMs()));
                }
            }
            int lost = assignments.size() - samples.size();
            if (lost == 0 || System.currentTimeMillis() > deadline) {
                return new Step(samples, lost);
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Double> arrivals(Connection connection, List<String> eventIds) throws SQLException {
        Map<String, Double> arrived = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ARRIVALS)) {
            query.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    arrived.put(rows.getString(1), rows.getDouble(2));
                }
            }
        }
        return arrived;
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(jdbcBase + service + "_bench", service, service);
    }
}
