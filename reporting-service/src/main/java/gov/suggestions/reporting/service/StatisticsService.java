package gov.suggestions.reporting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts and rates over the read model, always inside the caller's scope. */
@ApplicationScoped
public class StatisticsService {

    /** What a breakdown may group by, as SQL over the scope's tables. */
    public enum GroupBy {
        CONGRESS_BODY("c.congress_body"), YEAR("cast(" + ReportScope.YEAR + " as varchar)"), UNIT("c.unit_code"), ROLE("c.role"),
        SESSION("cast(s.session as varchar)"), SUPERVISION_LEVEL("s.supervision_level"), DEPARTMENT("c.undertaking_department");

        final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    static final String OPEN_REPLY = "c.role <> 'JOINT' AND c.state NOT IN ('REPLIED', 'EVALUATED', 'CONCLUDED') AND c.reply_due < :today";
    static final String OPEN_OPINION = "c.role = 'JOINT' AND c.state NOT IN ('OPINION_SENT', 'CONCLUDED') AND c.joint_opinion_due < :today";

    /**
     * A communication came before the reply when its day in China is not after the letter's date (the workflow's
     * communicate-first gate counts the same way): a letter dated in the past is recorded at the start of its day.
     */
    private static final String BEFORE_REPLY = "(%s AT TIME ZONE '" + Clocks.ZONE.getId() + "')::date <= c.replied_on";

    private static final String AGGREGATES = """
            count(*),
            count(*) FILTER (WHERE c.role <> 'JOINT'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.reply_on_time),
            count(*) FILTER (WHERE c.role = 'JOINT'),
            count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL),
            count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL AND c.opinion_on_time),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND %3$s),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND %4$s),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result IS NOT NULL),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'SATISFIED'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'BASICALLY_SATISFIED'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'UNSATISFIED'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'A'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'B'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'C'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'D'),
            count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.rehandled),
            count(*) FILTER (WHERE (%s) OR (%s)),
            count(*) FILTER (WHERE c.leader_led),
            coalesce(sum(c.returned_drafts), 0)
            """.formatted(OPEN_REPLY, OPEN_OPINION, BEFORE_REPLY.formatted("c.first_communication_at"),
                    BEFORE_REPLY.formatted("c.first_face_to_face_at"));

    static final List<String> COMMUNICATION_KINDS = List.of("PHONE", "MEETING", "ON_SITE_INVESTIGATION", "SYMPOSIUM", "VISIT",
            "DRAFT_CONSULTATION");

    private final EntityManager em;
    private final Clock clock;

    public StatisticsService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Figures totals(ReportScope scope) {
        Query query = em.createNativeQuery("SELECT 'all', " + AGGREGATES + scope.where());
        bind(query, scope);
        return figures((Object[]) query.getSingleResult(), communicationsByKind(scope, "'all'"));
    }

    /**
     * What the annual summary shows of a scope, from one statement that reads the scope once (a materialized CTE) and
     * derives every figure from it: the totals (as {@link #totals}), the distinct communications by kind, the most
     * frequent topics, the session most cases came from, and with {@code charts} the replies per month, the deadlines
     * per month and the on-time replies per undertaking department. Each of these used to be its own pass over the scope.
     * The scope's CTE holds the year before as well: where the re-handled cases stand and the previous year's totals (absent
     * when it has no case) come from the same pass.
     */
    public record SummaryFigures(Figures totals, Map<String, Long> communicationsByKind, List<String> topics, Integer term,
            Integer session, String unitName, List<ReplyGroup> replyGroups, Map<RehandlingOutcome, Long> rehandlingOutcomes,
            Figures previousYear) {
    }

    /**
     * Where the re-handled cases (SOLE, LEAD, SEPARATE, re-handled after an unsatisfied evaluation) stand: the deputy's latest
     * evaluation after the new reply, or still in hand. A re-handled case keeps its first (unsatisfied) result until the
     * deputy evaluates again, so an unsatisfied one counts as {@code UNSATISFIED} only once the case is evaluated or concluded.
     */
    public enum RehandlingOutcome {
        SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, PENDING
    }

    /** A group of the reply charts: by department, by month replied or by month falling due (SOLE, LEAD, SEPARATE cases). */
    public record ReplyGroup(ReplyGrouping grouping, String key, long repliedOnTime, long repliedLate, long cases) {
    }

    public enum ReplyGrouping {
        DEPARTMENT, REPLIED_MONTH, DUE_MONTH
    }

    // the grouping sets of the summary's statement, as GROUPING() answers them (one bit per key, 1 = not grouped by it)
    private static final int ALL = 0b11111;
    private static final int BY_TERM_SESSION = 0b00111;
    private static final int BY_DEPARTMENT = 0b11011;
    private static final int BY_REPLIED_MONTH = 0b11101;
    private static final int BY_DUE_MONTH = 0b11110;
    private static final int TOPIC = 100;
    private static final int COMMUNICATION = 101;
    private static final int REHANDLING = 102;
    private static final int PREVIOUS_YEAR = 103;

    @Transactional
    public SummaryFigures summaryFigures(ReportScope scope, int topicCount, boolean charts) {
        String repliedMonth = "CASE WHEN c.role <> 'JOINT' THEN to_char(c.replied_on, 'YYYY-MM') END";
        String dueMonth = "CASE WHEN c.role <> 'JOINT' THEN to_char(c.reply_due, 'YYYY-MM') END";
        // without charts only the term and session are grouped by: GROUPING() then answers two bits, the first two of the five
        String keys = charts ? "c.term, c.session, c.undertaking_department, " + repliedMonth + ", " + dueMonth : "c.term, c.session";
        String keyColumn = charts ? "coalesce(c.undertaking_department, " + repliedMonth + ", " + dueMonth + ")" : "cast(null as varchar)";
        String sets = charts ? "(), (c.term, c.session), (c.undertaking_department), (" + repliedMonth + "), (" + dueMonth + ")"
                : "(), (c.term, c.session)";
        String nulls = ", null".repeat(19);
        Query query = em.createNativeQuery("""
                WITH scope AS MATERIALIZED (
                    SELECT c.id, c.role, c.state, c.unit_name, c.undertaking_department, c.replied_on, c.replied_at, c.reply_on_time,
                           c.reply_due, c.joint_opinion_due, c.opinion_sent_on, c.opinion_on_time, c.first_communication_at,
                           c.first_face_to_face_at, c.evaluation_result, c.result_category, c.rehandled, c.leader_led, c.returned_drafts,
                           s.topics, s.term, s.session, """ + ReportScope.YEAR + " AS yr\n" + scope.whereWithPreviousYear() + """
                )
                SELECT GROUPING(%s), %s, c.term, c.session, max(c.unit_name),
                       %s
                FROM scope c WHERE c.yr = :year GROUP BY GROUPING SETS (%s)
                UNION ALL
                SELECT %d, t.topic, null, null, null, cast(sum(g.n) as bigint),
                       row_number() OVER (ORDER BY sum(g.n) DESC, min(t.position), t.topic)%s
                FROM (SELECT c.topics, count(*) AS n FROM scope c WHERE c.yr = :year GROUP BY c.topics) g
                     CROSS JOIN LATERAL unnest(string_to_array(g.topics, '、')) WITH ORDINALITY AS t(topic, position)
                GROUP BY t.topic
                UNION ALL
                SELECT %d, m.kind, null, null, null, count(DISTINCT m.communication_id), null%s
                FROM scope c JOIN report_communication m ON m.case_id = c.id WHERE c.yr = :year
                GROUP BY m.kind
                UNION ALL
                SELECT %d, o.outcome, null, null, null, count(*), null%s
                FROM (SELECT CASE WHEN c.evaluation_result IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN c.evaluation_result
                                  WHEN c.evaluation_result = 'UNSATISFIED' AND c.state IN ('EVALUATED', 'CONCLUDED') THEN 'UNSATISFIED'
                                  ELSE 'PENDING' END AS outcome
                      FROM scope c WHERE c.yr = :year AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.rehandled) o
                GROUP BY o.outcome
                UNION ALL
                SELECT %d, null, null, null, null,
                       %s
                FROM scope c WHERE c.yr = :previousYear HAVING count(*) > 0""".formatted(keys, keyColumn, AGGREGATES, sets,
                TOPIC, nulls, COMMUNICATION, nulls, REHANDLING, nulls, PREVIOUS_YEAR, AGGREGATES));
        // a whole unit's year is sorted and hashed in memory (the default 4 MB spills to disk), and the statement is too
        // short for JIT compilation to pay off (it cost some 60 ms of 600)
        em.createNativeQuery("SELECT set_config('work_mem', '16MB', true), set_config('jit', 'off', true)").getSingleResult();
        bind(query, scope);
        query.setParameter("previousYear", scope.year() - 1);
        Object[] totals = null;
        Object[] previous = null;
        String unitName = null;
        Map<String, Long> communications = new LinkedHashMap<>();
        List<Object[]> topics = new ArrayList<>();
        Object[] meeting = null;
        List<ReplyGroup> replyGroups = new ArrayList<>();
        Map<RehandlingOutcome, Long> rehandling = new java.util.EnumMap<>(RehandlingOutcome.class);
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            int bits = ((Number) r[0]).intValue();
            int set = charts || bits >= TOPIC ? bits : bits << 3 | 0b111;
            String key = (String) r[1];
            Object[] aggregates = new Object[22];
            aggregates[0] = "all";
            System.arraycopy(r, 5, aggregates, 1, 21);
            switch (set) {
                case ALL -> {
                    totals = aggregates;
                    unitName = (String) r[4];
                }
                case TOPIC -> topics.add(new Object[] { key, n(r[6]) });
                case COMMUNICATION -> communications.put(key, n(r[5]));
                case REHANDLING -> rehandling.put(RehandlingOutcome.valueOf(key), n(r[5]));
                case PREVIOUS_YEAR -> previous = aggregates;
                case BY_TERM_SESSION -> {
                    // the session most of the cases came from (ties: the earliest)
                    if (r[2] != null && r[3] != null && (meeting == null || n(r[5]) > n(meeting[2])
                            || n(r[5]) == n(meeting[2]) && Arrays.compare(new long[] { n(r[2]), n(r[3]) }, new long[] { n(meeting[0]), n(meeting[1]) }) < 0)) {
                        meeting = new Object[] { r[2], r[3], r[5] };
                    }
                }
                case BY_DEPARTMENT, BY_REPLIED_MONTH, BY_DUE_MONTH -> {
                    // columns as AGGREGATES: 2 reply cases, 3 replied, 4 replied on time
                    long replied = n(aggregates[3]);
                    long onTime = n(aggregates[4]);
                    ReplyGrouping grouping = set == BY_DEPARTMENT ? ReplyGrouping.DEPARTMENT
                            : set == BY_REPLIED_MONTH ? ReplyGrouping.REPLIED_MONTH : ReplyGrouping.DUE_MONTH;
                    replyGroups.add(new ReplyGroup(grouping, key, onTime, replied - onTime, n(aggregates[2])));
                }
                default -> throw new IllegalStateException("unexpected grouping " + set);
            }
        }
        if (totals == null) {
            totals = new Object[] { "all" }; // no row at all: every count 0
            totals = Arrays.copyOf(totals, 22);
        }
        topics.sort(java.util.Comparator.comparingLong(t -> (Long) t[1]));
        List<String> topTopics = topics.stream().limit(topicCount).map(t -> (String) t[0]).toList();
        Map<String, Map<String, Long>> byGroup = Map.of("all", communications);
        return new SummaryFigures(figures(totals, byGroup), communications, topTopics, meeting == null ? null : ((Number) meeting[0]).intValue(),
                meeting == null ? null : ((Number) meeting[1]).intValue(), unitName, replyGroups, rehandling,
                previous == null ? null : figures(previous, Map.of()));
    }

    @Transactional
    public List<Figures> breakdown(ReportScope scope, GroupBy groupBy) {
        return breakdown(scope, groupBy, Integer.MAX_VALUE);
    }

    /** At most {@code max} groups, the first by their value. */
    @Transactional
    public List<Figures> breakdown(ReportScope scope, GroupBy groupBy, int max) {
        Query query = em.createNativeQuery("SELECT " + groupBy.column + " AS grp, " + AGGREGATES + scope.where()
                + " GROUP BY grp ORDER BY grp");
        bind(query, scope);
        if (max < Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        Map<String, Map<String, Long>> communications = communicationsByKind(scope, groupBy.column);
        List<Figures> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(figures((Object[]) row, communications));
        }
        return rows;
    }

    /** Which deadline a case is past: the reply's (SOLE, LEAD, SEPARATE) or the joint opinion's (JOINT). */
    public enum Deadline {
        REPLY, JOINT_OPINION
    }

    /** A case past its deadline with no reply (or no joint opinion) yet. */
    public record OverdueCase(UUID caseId, UUID suggestionId,
            @Schema(maxLength = Limits.NUMBER) String number,
            @Schema(maxLength = Limits.TITLE) String title,
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(maxLength = Limits.UNIT_NAME) String unitName,
            @Schema(description = "SOLE, LEAD, SEPARATE or JOINT", maxLength = Limits.ROLE) String role,
            @Schema(description = "The case's state as the workflow-service names it", maxLength = Limits.STATE) String state,
            Deadline deadline,
            LocalDate dueOn,
            @Schema(description = "Days from the deadline to today (Asia/Shanghai)", minimum = "1", maximum = Limits.INT_MAX) long daysOverdue) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    @Transactional
    public Page<OverdueCase> overdue(ReportScope scope, int page, int size) {
        String where = scope.where() + " AND ((" + OPEN_REPLY + ") OR (" + OPEN_OPINION + "))";
        Query count = em.createNativeQuery("SELECT count(*) " + where);
        bind(count, scope);
        long total = ((Number) count.getSingleResult()).longValue();
        Query query = em.createNativeQuery("""
                SELECT c.id, c.suggestion_id, c.number, coalesce(s.title, c.title), c.unit_code, c.unit_name, c.role, c.state,
                       CASE WHEN c.role = 'JOINT' THEN c.joint_opinion_due ELSE c.reply_due END AS due
                """ + where + " ORDER BY due, c.number, c.unit_code");
        bind(query, scope);
        query.setFirstResult(page * size).setMaxResults(size);
        LocalDate today = today();
        List<OverdueCase> items = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate due = toDate(r[8]);
            items.add(new OverdueCase((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], "JOINT".equals(r[6]) ? Deadline.JOINT_OPINION : Deadline.REPLY, due,
                    java.time.temporal.ChronoUnit.DAYS.between(due, today)));
        }
        return new Page<>(items, total, page, size);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.ZONE));
    }

    private void bind(Query query, ReportScope scope) {
        scope.parameters().forEach(query::setParameter);
        query.setParameter("today", today());
    }

    static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    /**
     * Distinct communications by kind per group among the cases in scope: a communication shared by several cases (one
     * symposium for several suggestions) counts once in each group that holds one of its cases.
     */
    Map<String, Map<String, Long>> communicationsByKind(ReportScope scope, String groupColumn) {
        Query query = em.createNativeQuery("SELECT " + groupColumn + " AS grp, m.kind, count(DISTINCT m.communication_id) "
                + scope.where().replace(ReportScope.FROM, ReportScope.FROM.replace("FROM report_case c",
                        "FROM report_communication m JOIN report_case c ON c.id = m.case_id"))
                + " GROUP BY grp, m.kind");
        scope.parameters().forEach(query::setParameter);
        Map<String, Map<String, Long>> byGroup = new LinkedHashMap<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            byGroup.computeIfAbsent((String) r[0], g -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return byGroup;
    }

    private static Figures figures(Object[] r, Map<String, Map<String, Long>> communicationsByGroup) {
        Map<String, Long> categories = new LinkedHashMap<>();
        for (int i = 0; i < Figures.CATEGORIES.length; i++) {
            categories.put(Figures.CATEGORIES[i], n(r[14 + i]));
        }
        Map<String, Long> found = communicationsByGroup.getOrDefault((String) r[0], Map.of());
        Map<String, Long> communications = new LinkedHashMap<>();
        for (String kind : COMMUNICATION_KINDS) {
            communications.put(kind, found.getOrDefault(kind, 0L));
        }
        long replied = n(r[3]);
        long evaluated = n(r[10]);
        return new Figures((String) r[0], n(r[1]), n(r[2]), replied, n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]),
                evaluated, n(r[11]), n(r[12]), n(r[13]), replied - evaluated, categories, n(r[18]), n(r[19]), n(r[20]), n(r[21]),
                communications);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
