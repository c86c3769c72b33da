package gov.suggestions.reporting.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The annual summary's reads of the read model: the render's one statement (figures, sentences' inputs and chart groups of a
 * unit's year, and the year before), the replied suggestions of section 三 with their measures, and the numbers several
 * congress bodies share. Every statement is constant text with bind parameters. A unit's cases either of every congress
 * body or of one ({@code everyBody}) are the same statement: PostgreSQL folds {@code (c.congress_body = $1 OR $2)} in the
 * plan of each call, and a cached generic plan guesses it at half the rows rather than a fraction of a percent, so the
 * join stays a hash join either way.
 */
@ApplicationScoped
public class AnnualSummaryQueries {

    /**
     * The render's one statement. The scope (a materialized CTE) holds the unit's cases of the year and of the year before,
     * read once; from it: the totals and the cases per (term, session), with {@code :charts} the replies per undertaking
     * department, per month replied and per month falling due, the topics ranked, the distinct communications by kind, where
     * the re-handled cases stand and the previous year's totals (no row when it has no case). The aggregate columns are those
     * of the statistics' totals, in the same order.
     */
    public static final String SUMMARY = """
            WITH scope AS MATERIALIZED (
                SELECT c.id, c.role, c.state, c.unit_name, c.undertaking_department, c.replied_on, c.replied_at, c.reply_on_time,
                       c.reply_due, c.joint_opinion_due, c.opinion_sent_on, c.opinion_on_time, c.first_communication_at,
                       c.first_face_to_face_at, c.evaluation_result, c.result_category, c.rehandled, c.leader_led, c.returned_drafts,
                       s.topics, s.term, s.session, coalesce(s.year, cast(extract(year from c.assigned_on) as integer)) AS yr
                FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id
                WHERE c.state <> 'CLOSED_BY_REASSIGNMENT' AND s.withdrawn IS NOT TRUE
                  AND (c.congress_body = cast(:congressBody as varchar) OR :everyBody)
                  AND (s.year IN (:year, :previousYear) OR (s.year IS NULL AND cast(extract(year from c.assigned_on) as integer) IN (:year, :previousYear)))
                  AND c.unit_code = :unitCode
            )
            SELECT GROUPING(c.term, c.session), cast(null as varchar), c.term, c.session, max(c.unit_name),
                   count(*),
                   count(*) FILTER (WHERE c.role <> 'JOINT'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.reply_on_time),
                   count(*) FILTER (WHERE c.role = 'JOINT'),
                   count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL),
                   count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL AND c.opinion_on_time),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND (c.first_communication_at AT TIME ZONE 'Asia/Shanghai')::date <= c.replied_on),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND (c.first_face_to_face_at AT TIME ZONE 'Asia/Shanghai')::date <= c.replied_on),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result IS NOT NULL),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'SATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'BASICALLY_SATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'UNSATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'A'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'B'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'C'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'D'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.rehandled),
                   count(*) FILTER (WHERE (c.role <> 'JOINT' AND c.state NOT IN ('REPLIED', 'EVALUATED', 'CONCLUDED') AND c.reply_due < :today) OR (c.role = 'JOINT' AND c.state NOT IN ('OPINION_SENT', 'CONCLUDED') AND c.joint_opinion_due < :today)),
                   count(*) FILTER (WHERE c.leader_led),
                   coalesce(sum(c.returned_drafts), 0)
            FROM scope c WHERE c.yr = :year GROUP BY GROUPING SETS ((), (c.term, c.session))
            UNION ALL
            SELECT 10 + GROUPING(c.undertaking_department, to_char(c.replied_on, 'YYYY-MM'), to_char(c.reply_due, 'YYYY-MM')),
                   coalesce(c.undertaking_department, to_char(c.replied_on, 'YYYY-MM'), to_char(c.reply_due, 'YYYY-MM')), null, null, null,
                   count(*), null,
                   count(*) FILTER (WHERE c.replied_on IS NOT NULL),
                   count(*) FILTER (WHERE c.replied_on IS NOT NULL AND c.reply_on_time),
                   null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
            FROM scope c WHERE c.yr = :year AND c.role <> 'JOINT' AND :charts
            GROUP BY GROUPING SETS ((c.undertaking_department), (to_char(c.replied_on, 'YYYY-MM')), (to_char(c.reply_due, 'YYYY-MM')))
            UNION ALL
            SELECT 100, t.topic, null, null, null, cast(sum(g.n) as bigint),
                   row_number() OVER (ORDER BY sum(g.n) DESC, min(t.position), t.topic),
                   null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
            FROM (SELECT c.topics, count(*) AS n FROM scope c WHERE c.yr = :year GROUP BY c.topics) g
                 CROSS JOIN LATERAL unnest(string_to_array(g.topics, '、')) WITH ORDINALITY AS t(topic, position)
            GROUP BY t.topic
            UNION ALL
            SELECT 101, m.kind, null, null, null, count(DISTINCT m.communication_id),
                   null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
            FROM scope c JOIN report_communication m ON m.case_id = c.id WHERE c.yr = :year
            GROUP BY m.kind
            UNION ALL
            SELECT 102, o.outcome, null, null, null, count(*),
                   null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
            FROM (SELECT CASE WHEN c.evaluation_result IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN c.evaluation_result
                              WHEN c.evaluation_result = 'UNSATISFIED' AND c.state IN ('EVALUATED', 'CONCLUDED') THEN 'UNSATISFIED'
                              ELSE 'PENDING' END AS outcome
                  FROM scope c WHERE c.yr = :year AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.rehandled) o
            GROUP BY o.outcome
            UNION ALL
            SELECT 103, null, null, null, null,
                   count(*),
                   count(*) FILTER (WHERE c.role <> 'JOINT'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.reply_on_time),
                   count(*) FILTER (WHERE c.role = 'JOINT'),
                   count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL),
                   count(*) FILTER (WHERE c.role = 'JOINT' AND c.opinion_sent_on IS NOT NULL AND c.opinion_on_time),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND (c.first_communication_at AT TIME ZONE 'Asia/Shanghai')::date <= c.replied_on),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND (c.first_face_to_face_at AT TIME ZONE 'Asia/Shanghai')::date <= c.replied_on),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result IS NOT NULL),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'SATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'BASICALLY_SATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.evaluation_result = 'UNSATISFIED'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'A'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'B'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'C'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.result_category = 'D'),
                   count(*) FILTER (WHERE c.role <> 'JOINT' AND c.replied_on IS NOT NULL AND c.rehandled),
                   count(*) FILTER (WHERE (c.role <> 'JOINT' AND c.state NOT IN ('REPLIED', 'EVALUATED', 'CONCLUDED') AND c.reply_due < :today) OR (c.role = 'JOINT' AND c.state NOT IN ('OPINION_SENT', 'CONCLUDED') AND c.joint_opinion_due < :today)),
                   count(*) FILTER (WHERE c.leader_led),
                   coalesce(sum(c.returned_drafts), 0)
            FROM scope c WHERE c.yr = :previousYear HAVING count(*) > 0""";

    /**
     * The suggestions the unit replied to as SOLE, LEAD or SEPARATE in the year, by number, with the latest reply's measures;
     * without {@code :everyReply} only those whose reply listed measures or whose number is in {@code :narrated} (what
     * section 三 shows).
     */
    public static final String REPLIED_SUGGESTIONS = """
            SELECT c.number, coalesce(s.title, c.title), m.reported, cast(m.commitments as text)
            FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id LEFT JOIN report_reply_measures m ON m.case_id = c.id
            WHERE c.state <> 'CLOSED_BY_REASSIGNMENT' AND s.withdrawn IS NOT TRUE
              AND (c.congress_body = cast(:congressBody as varchar) OR :everyBody)
              AND (s.year = :year OR (s.year IS NULL AND cast(extract(year from c.assigned_on) as integer) = :year))
              AND c.unit_code = :unitCode
              AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL
              AND (:everyReply OR jsonb_array_length(m.commitments) > 0 OR c.number = ANY (cast(:narrated as varchar[])))
            ORDER BY c.number""";

    /** Numbers of the suggestions the unit replied to in the year that more than one congress body uses. */
    public static final String SHARED_NUMBERS = """
            SELECT c.number
            FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id
            WHERE c.state <> 'CLOSED_BY_REASSIGNMENT' AND s.withdrawn IS NOT TRUE
              AND (s.year = :year OR (s.year IS NULL AND cast(extract(year from c.assigned_on) as integer) = :year))
              AND c.unit_code = :unitCode
              AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL
            GROUP BY c.number HAVING count(DISTINCT c.congress_body) > 1""";

    /**
     * A whole unit's year is sorted and hashed in memory (the default 4 MB spills to disk), and the summary's statement is
     * too short for JIT compilation to pay off (it cost some 60 ms of 600); both for this transaction only.
     */
    private static final String SUMMARY_SETTINGS = "SELECT set_config('work_mem', '16MB', true), set_config('jit', 'off', true)";

    /** How many aggregate columns a row of {@link #SUMMARY} carries, after its five key columns. */
    public static final int COUNTS = 21;

    // the first column of SUMMARY's rows: GROUPING() of its branch (one bit per key, 1 = not grouped by it), or the branch
    private static final int ALL = 0b11;
    private static final int BY_TERM_SESSION = 0b00;
    private static final int BY_DEPARTMENT = 10 + 0b011;
    private static final int BY_REPLIED_MONTH = 10 + 0b101;
    private static final int BY_DUE_MONTH = 10 + 0b110;
    private static final int TOPIC = 100;
    private static final int COMMUNICATION = 101;
    private static final int REHANDLING = 102;
    private static final int PREVIOUS_YEAR = 103;

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

    /** How many of the cases came from one session of a congress. */
    public record Meeting(int term, int session, long cases) {
    }

    /**
     * What {@link #SUMMARY} read: the counts of the year and of the year before (absent without a case; both in the order of
     * the statistics' totals), the unit's name, the cases per session, the topics most frequent first, the distinct
     * communications by kind, the chart groups (empty without charts) and where the re-handled cases stand.
     */
    public record SummaryRows(long[] counts, long[] previousYearCounts, String unitName, List<Meeting> meetings, List<String> topics,
            Map<String, Long> communicationsByKind, List<ReplyGroup> replyGroups, Map<RehandlingOutcome, Long> rehandlingOutcomes) {
    }

    /** A suggestion the unit replied to, with the latest reply's commitments as JSON (absent for an older reply). */
    public record RepliedSuggestion(String number, String title, boolean measuresReported, String commitments) {
    }

    private final EntityManager em;

    public AnnualSummaryQueries(EntityManager em) {
        this.em = em;
    }

    /** {@code congressBody} null: the unit's cases of every congress body. */
    public SummaryRows summary(String unitCode, int year, String congressBody, boolean charts, LocalDate today) {
        em.createNativeQuery(SUMMARY_SETTINGS).getSingleResult();
        Query query = em.createNativeQuery(SUMMARY);
        bindUnit(query, unitCode, year, congressBody);
        query.setParameter("previousYear", year - 1);
        query.setParameter("charts", charts);
        query.setParameter("today", today);
        long[] counts = new long[COUNTS];
        long[] previous = null;
        String unitName = null;
        List<Meeting> meetings = new ArrayList<>();
        List<Object[]> topics = new ArrayList<>();
        Map<String, Long> communications = new LinkedHashMap<>();
        List<ReplyGroup> replyGroups = new ArrayList<>();
        Map<RehandlingOutcome, Long> rehandling = new EnumMap<>(RehandlingOutcome.class);
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            String key = (String) r[1];
            switch (((Number) r[0]).intValue()) {
                case ALL -> {
                    counts = counts(r);
                    unitName = (String) r[4];
                }
                case BY_TERM_SESSION -> {
                    if (r[2] != null && r[3] != null) {
                        meetings.add(new Meeting(((Number) r[2]).intValue(), ((Number) r[3]).intValue(), n(r[5])));
                    }
                }
                // columns 5, 7 and 8: the group's cases, replied and replied on time
                case BY_DEPARTMENT -> replyGroups.add(replyGroup(ReplyGrouping.DEPARTMENT, key, r));
                case BY_REPLIED_MONTH -> replyGroups.add(replyGroup(ReplyGrouping.REPLIED_MONTH, key, r));
                case BY_DUE_MONTH -> replyGroups.add(replyGroup(ReplyGrouping.DUE_MONTH, key, r));
                case TOPIC -> topics.add(new Object[] { key, n(r[6]) });
                case COMMUNICATION -> communications.put(key, n(r[5]));
                case REHANDLING -> rehandling.put(RehandlingOutcome.valueOf(key), n(r[5]));
                case PREVIOUS_YEAR -> previous = counts(r);
                default -> throw new IllegalStateException("unexpected grouping " + r[0]);
            }
        }
        topics.sort(Comparator.comparingLong(t -> (Long) t[1]));
        return new SummaryRows(counts, previous, unitName, meetings, topics.stream().map(t -> (String) t[0]).toList(), communications,
                replyGroups, rehandling);
    }

    /**
     * The suggestions the unit replied to in the year, by number: every one ({@code narrated} null), or those whose reply
     * listed measures or whose number is narrated; the first {@code max}.
     */
    @SuppressWarnings("unchecked")
    public List<RepliedSuggestion> repliedSuggestions(String unitCode, int year, String congressBody, List<String> narrated, int max) {
        Query query = em.createNativeQuery(REPLIED_SUGGESTIONS);
        bindUnit(query, unitCode, year, congressBody);
        query.setParameter("everyReply", narrated == null);
        query.setParameter("narrated", narrated == null ? new String[0] : narrated.toArray(String[]::new));
        if (max < Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        List<RepliedSuggestion> replied = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            replied.add(new RepliedSuggestion((String) r[0], r[1] == null ? "" : (String) r[1], Boolean.TRUE.equals(r[2]), (String) r[3]));
        }
        return replied;
    }

    @SuppressWarnings("unchecked")
    public List<String> sharedNumbers(String unitCode, int year) {
        return em.createNativeQuery(SHARED_NUMBERS).setParameter("unitCode", unitCode).setParameter("year", year).getResultList();
    }

    private static void bindUnit(Query query, String unitCode, int year, String congressBody) {
        query.setParameter("unitCode", unitCode);
        query.setParameter("year", year);
        query.setParameter("congressBody", congressBody);
        query.setParameter("everyBody", congressBody == null);
    }

    private static ReplyGroup replyGroup(ReplyGrouping grouping, String key, Object[] r) {
        long replied = n(r[7]);
        long onTime = n(r[8]);
        return new ReplyGroup(grouping, key, onTime, replied - onTime, n(r[5]));
    }

    private static long[] counts(Object[] r) {
        long[] counts = new long[COUNTS];
        for (int i = 0; i < COUNTS; i++) {
            counts[i] = n(r[5 + i]);
        }
        return counts;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
