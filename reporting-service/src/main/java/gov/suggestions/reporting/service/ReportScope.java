package gov.suggestions.reporting.service;

import java.util.HashMap;
import java.util.Map;

/**
 * Which cases a query covers: the caller's reach (a congress office its congress body, a unit its
 * own unit, a supervisor everything) narrowed by the request's filters. Rendered as SQL over
 * {@code report_case c LEFT JOIN report_suggestion s}, so a unit never reads another unit's rows.
 */
public record ReportScope(String congressBody, Integer year, String unitCode, String role, Integer session, String supervisionLevel,
        String department, String topic, boolean nothing) {

    /** The year a case counts in: its suggestion's year, else the year it was assigned. */
    public static final String YEAR = "coalesce(s.year, cast(extract(year from c.assigned_on) as integer))";

    static final String FROM = """
            FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id
            WHERE c.state <> 'CLOSED_BY_REASSIGNMENT' AND s.withdrawn IS NOT TRUE""";

    /** The communications (alias {@code m}) of the cases {@link #FROM} covers. */
    static final String COMMUNICATIONS_FROM = """
            FROM report_communication m JOIN report_case c ON c.id = m.case_id LEFT JOIN report_suggestion s ON s.id = c.suggestion_id
            WHERE c.state <> 'CLOSED_BY_REASSIGNMENT' AND s.withdrawn IS NOT TRUE""";

    /**
     * {@link #YEAR} = :year written so that PostgreSQL estimates it from the column's statistics (an expression
     * over both tables gets a default guess of 0.5%, which made it pick nested loops over a whole unit's cases). The
     * ledger keeps the plain form: with the true row count its deep pages ran 4x slower (the sort carries the notice
     * look-ups of every row instead of the page's).
     */
    static final String YEAR_IS = "(s.year = :year OR (s.year IS NULL AND cast(extract(year from c.assigned_on) as integer) = :year))";

    public static ReportScope of(Caller caller, String congressBody, Integer year, String unitCode, String role) {
        return of(caller, congressBody, year, unitCode, role, null, null, null, null);
    }

    public static ReportScope of(Caller caller, String congressBody, Integer year, String unitCode, String role, Integer session,
            String supervisionLevel, String department, String topic) {
        return new ReportScope(congressBody, year, unitCode, role, session, supervisionLevel, department, topic, false).within(caller);
    }

    /**
     * Adds the caller's reach: a supervisor everything, a congress office its own body, a unit's staff their own unit. A
     * token without the claim its role needs, or a request for another body or unit than the caller's own, sees nothing:
     * the query gets {@code AND false} (no sentinel value is ever compared with real codes, so no stored code can match it).
     */
    private ReportScope within(Caller caller) {
        if (caller.hasRole(Caller.GOV_SUPERVISOR)) {
            return this;
        }
        if (caller.hasRole(Caller.CONGRESS_OFFICE)) {
            String own = caller.congressBody();
            if (own == null || own.isBlank() || (congressBody != null && !congressBody.equals(own))) {
                return none();
            }
            return new ReportScope(own, year, unitCode, role, session, supervisionLevel, department, topic, false);
        }
        if (!caller.hasRole(Caller.UNIT_OFFICE) && !caller.hasRole(Caller.UNIT_LEADER) && !caller.hasRole(Caller.HANDLER)) {
            return none(); // a role without a reach in this model sees nothing (the resources admit none such today)
        }
        String own = caller.unit();
        if (own == null || own.isBlank() || (unitCode != null && !unitCode.equals(own))) {
            return none();
        }
        return new ReportScope(congressBody, year, own, role, session, supervisionLevel, department, topic, false);
    }

    /** Asking for someone else's body or unit gives no rows rather than an error: existence does not leak. */
    private ReportScope none() {
        return new ReportScope(null, year, null, role, session, supervisionLevel, department, topic, true);
    }

    public String where() {
        return where(FROM, "c.congress_body", YEAR_IS);
    }

    /** As {@link #where()}, over the communications of the cases in scope (alias {@code m}). */
    public String communicationsWhere() {
        return where(COMMUNICATIONS_FROM, "c.congress_body", YEAR_IS);
    }

    /**
     * Every suggestion with each of its cases; a suggestion with no case (not yet assigned, or its only
     * case reassigned away) has one row without a case.
     */
    public String ledgerWhere() {
        return where("""
                FROM report_suggestion s
                     FULL JOIN (SELECT * FROM report_case WHERE state <> 'CLOSED_BY_REASSIGNMENT') c ON c.suggestion_id = s.id
                WHERE true""", "coalesce(c.congress_body, s.congress_body)", YEAR + " = :year");
    }

    /** {@code yearIs}: the year filter; as the ledger's page query keeps its plan with (a sort of the rows, notices looked up after it). */
    private String where(String from, String body, String yearIs) {
        StringBuilder sql = new StringBuilder(from);
        if (nothing) {
            sql.append(" AND false");
        }
        if (congressBody != null) {
            sql.append(" AND ").append(body).append(" = :congressBody");
        }
        if (year != null) {
            sql.append(" AND ").append(yearIs);
        }
        if (unitCode != null) {
            sql.append(" AND c.unit_code = :unitCode");
        }
        if (role != null) {
            sql.append(" AND c.role = :role");
        }
        if (session != null) {
            sql.append(" AND s.session = :session");
        }
        if (supervisionLevel != null) {
            sql.append(" AND s.supervision_level = :supervisionLevel");
        }
        if (department != null) {
            sql.append(" AND c.undertaking_department = :department");
        }
        if (topic != null) {
            // topics are stored joined with '、'
            sql.append(" AND :topic = ANY (string_to_array(s.topics, '、'))");
        }
        return sql.toString();
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        if (congressBody != null) {
            p.put("congressBody", congressBody);
        }
        if (year != null) {
            p.put("year", year);
        }
        if (unitCode != null) {
            p.put("unitCode", unitCode);
        }
        if (role != null) {
            p.put("role", role);
        }
        if (session != null) {
            p.put("session", session);
        }
        if (supervisionLevel != null) {
            p.put("supervisionLevel", supervisionLevel);
        }
        if (department != null) {
            p.put("department", department);
        }
        if (topic != null) {
            p.put("topic", topic);
        }
        return p;
    }
}
