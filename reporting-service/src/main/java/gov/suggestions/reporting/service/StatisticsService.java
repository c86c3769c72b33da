package gov.suggestions.reporting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    static final String AGGREGATES = """
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
                + scope.communicationsWhere() + " GROUP BY grp, m.kind");
        scope.parameters().forEach(query::setParameter);
        Map<String, Map<String, Long>> byGroup = new LinkedHashMap<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            byGroup.computeIfAbsent((String) r[0], g -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return byGroup;
    }

    /** A row of {@link #AGGREGATES} after its group's key. */
    private static Figures figures(Object[] r, Map<String, Map<String, Long>> communicationsByGroup) {
        long[] counts = new long[r.length - 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = n(r[i + 1]);
        }
        return Figures.of((String) r[0], counts, communicationsByGroup.getOrDefault((String) r[0], Map.of()));
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
