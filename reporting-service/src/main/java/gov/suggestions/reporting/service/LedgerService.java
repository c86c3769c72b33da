package gov.suggestions.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.reporting.config.LedgerConfig;

/** The handling ledger (台账): every suggestion and each of its cases, within the caller's scope. */
@ApplicationScoped
public class LedgerService {

    /** Filters beyond the scope's; null (false) means any. {@code text} is looked for in the title and the number. */
    public record Filter(String state, String category, String evaluation, String number, boolean overdueOnly, LocalDate dueFrom,
            LocalDate dueTo, String text) {

        public Filter(String state, String category, String evaluation, String number) {
            this(state, category, evaluation, number, false, null, null, null);
        }
    }

    public record Row(UUID suggestionId,
            @Schema(maxLength = Limits.NUMBER) String number,
            @Schema(maxLength = Limits.TITLE) String title,
            @Schema(maxLength = Limits.CODE) String congressBody,
            @Schema(description = "The suggestion's year, else the year its case was assigned", minimum = "" + Limits.YEAR_MIN,
                    maximum = "" + Limits.YEAR_MAX) Integer year,
            @Schema(description = "Term (届)", minimum = "1", maximum = "" + Limits.TERM_MAX) Integer term,
            @Schema(description = "Session (次会议)", minimum = "1", maximum = "" + Limits.TERM_MAX) Integer session,
            @Schema(description = "The lead deputy", maxLength = Limits.DEPUTY_NAME) String proposer,
            @Schema(description = "The topics joined with 、", maxLength = Limits.TOPICS) String topics,
            @Schema(maxLength = Limits.SUPERVISION_LEVEL) String supervisionLevel,
            LocalDate assignedOn, boolean withdrawn, UUID caseId,
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(maxLength = Limits.UNIT_NAME) String unitName,
            @Schema(description = "SOLE, LEAD, SEPARATE or JOINT", maxLength = Limits.ROLE) String role,
            @Schema(description = "The case's state as the workflow-service names it", maxLength = Limits.STATE) String state,
            LocalDate dueOn, LocalDate repliedOn, Boolean replyOnTime, LocalDate opinionSentOn, Boolean opinionOnTime,
            @Schema(description = "A, B, C or D", maxLength = Limits.RESULT_CATEGORY) String resultCategory,
            @Schema(description = "SATISFIED, BASICALLY_SATISFIED or UNSATISFIED", maxLength = Limits.EVALUATION) String evaluation,
            @Schema(description = "Communications recorded for the case", minimum = "0", maximum = Limits.INT_MAX) int communications,
            boolean rehandled,
            @Schema(description = "When the deputy was first told of the reply (notification-service delivered the notice of case.replied.v1); absent if not (yet)")
            java.time.OffsetDateTime deputyNotifiedOfReplyAt,
            @Schema(description = "Notices about this case (on a row without a case: about the suggestion) that could not be delivered",
                    minimum = "0", maximum = Limits.INT_MAX)
            int failedNotices) {
    }

    private static final String COLUMNS = """
            SELECT coalesce(s.id, c.suggestion_id), coalesce(s.number, c.number), coalesce(s.title, c.title),
                   coalesce(s.congress_body, c.congress_body), %s, s.term, s.session, s.lead_deputy_name, s.topics,
                   s.supervision_level, coalesce(s.assigned_on, c.assigned_on), coalesce(s.withdrawn, false),
                   c.id, c.unit_code, c.unit_name, c.role, c.state,
                   CASE WHEN c.role = 'JOINT' THEN c.joint_opinion_due ELSE c.reply_due END,
                   c.replied_on, c.reply_on_time, c.opinion_sent_on, c.opinion_on_time, c.result_category, c.evaluation_result,
                   coalesce(c.phone_count + c.meeting_count + c.on_site_count + c.symposium_count + c.visit_count
                            + c.draft_consultation_count, 0),
                   coalesce(c.rehandled, false),
                   (SELECT n.deputy_reply_notified_at FROM report_notice n WHERE n.subject_id = c.id),
                   coalesce((SELECT n.failed_count FROM report_notice n WHERE n.subject_id = coalesce(c.id, s.id)), 0)
            """.formatted(ReportScope.YEAR);

    private final EntityManager em;
    private final LedgerConfig config;
    private final java.time.Clock clock;

    public LedgerService(EntityManager em, LedgerConfig config, java.time.Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public StatisticsService.Page<Row> page(ReportScope scope, Filter filter, int page, int size) {
        long total = count(scope, filter);
        return new StatisticsService.Page<>(rows(scope, filter, page * size, size), total, page, size);
    }

    /** All rows for an export, refused beyond the configured limit. */
    @Transactional
    public List<Row> all(ReportScope scope, Filter filter) {
        long total = count(scope, filter);
        if (total > config.exportMaxRows()) {
            throw new TooManyRowsException(total, config.exportMaxRows());
        }
        return rows(scope, filter, 0, config.exportMaxRows());
    }

    private long count(ReportScope scope, Filter filter) {
        Query query = em.createNativeQuery("SELECT count(*) " + where(scope, filter));
        bind(query, scope, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private List<Row> rows(ReportScope scope, Filter filter, int first, int max) {
        Query query = em.createNativeQuery(COLUMNS + where(scope, filter)
                + " ORDER BY 5 NULLS LAST, 2, c.unit_code NULLS FIRST, c.id");
        bind(query, scope, filter);
        query.setFirstResult(first).setMaxResults(max);
        List<Row> rows = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], integer(r[4]), integer(r[5]), integer(r[6]),
                    (String) r[7], (String) r[8], (String) r[9], StatisticsService.toDate(r[10]), (Boolean) r[11], (UUID) r[12],
                    (String) r[13], (String) r[14], (String) r[15], (String) r[16], StatisticsService.toDate(r[17]),
                    StatisticsService.toDate(r[18]), (Boolean) r[19], StatisticsService.toDate(r[20]), (Boolean) r[21],
                    (String) r[22], (String) r[23], ((Number) r[24]).intValue(), (Boolean) r[25], timestamp(r[26]),
                    ((Number) r[27]).intValue()));
        }
        return rows;
    }

    private static final String DUE = "CASE WHEN c.role = 'JOINT' THEN c.joint_opinion_due ELSE c.reply_due END";

    private static String where(ReportScope scope, Filter filter) {
        StringBuilder sql = new StringBuilder(scope.ledgerWhere());
        if (filter.state() != null) {
            sql.append(" AND c.state = :state");
        }
        if (filter.category() != null) {
            sql.append(" AND c.result_category = :category");
        }
        if (filter.evaluation() != null) {
            sql.append(" AND c.evaluation_result = :evaluation");
        }
        if (filter.number() != null) {
            sql.append(" AND coalesce(s.number, c.number) = :number");
        }
        if (filter.overdueOnly()) {
            sql.append(" AND ((" + StatisticsService.OPEN_REPLY + ") OR (" + StatisticsService.OPEN_OPINION + "))");
        }
        if (filter.dueFrom() != null) {
            sql.append(" AND " + DUE + " >= :dueFrom");
        }
        if (filter.dueTo() != null) {
            sql.append(" AND " + DUE + " <= :dueTo");
        }
        if (filter.text() != null) {
            sql.append(" AND (coalesce(s.title, c.title) ILIKE :text ESCAPE '\\' OR coalesce(s.number, c.number) ILIKE :text ESCAPE '\\')");
        }
        return sql.toString();
    }

    private void bind(Query query, ReportScope scope, Filter filter) {
        scope.parameters().forEach(query::setParameter);
        if (filter.overdueOnly()) {
            query.setParameter("today", LocalDate.now(clock.withZone(Clocks.ZONE)));
        }
        if (filter.dueFrom() != null) {
            query.setParameter("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            query.setParameter("dueTo", filter.dueTo());
        }
        if (filter.text() != null) {
            // the words are searched as they are: LIKE's wildcards in them match only themselves
            query.setParameter("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Map.of("state", nullable(filter.state()), "category", nullable(filter.category()), "evaluation", nullable(filter.evaluation()),
                "number", nullable(filter.number())).forEach((name, value) -> {
                    if (!value.isEmpty()) {
                        query.setParameter(name, value);
                    }
                });
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static java.time.OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        java.time.Instant instant = value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) value;
        return instant.atZone(Clocks.ZONE).toOffsetDateTime();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
