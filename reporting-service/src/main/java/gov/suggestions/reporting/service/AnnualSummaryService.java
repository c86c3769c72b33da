package gov.suggestions.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.reporting.config.SummaryConfig;
import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import gov.suggestions.reporting.domain.SummaryNarrative;
import gov.suggestions.reporting.repository.AnnualSummaryDraftRepository;
import gov.suggestions.reporting.repository.SummaryNarrativeRepository;
import gov.suggestions.reporting.service.SummaryCharts.ChartSpec;

/**
 * The annual work summary (年度建议办理工作总结) of a unit for a year, in the seed's structure. Figures are
 * recomputed from the read model on every render and written as the seed writes them; the office's
 * draft adds the disclosure header and the narrative sections.
 */
@ApplicationScoped
public class AnnualSummaryService {

    /** How each communication kind is named in the summary, in the order the seed names them. */
    static final Map<String, String> KIND_WORDS = new LinkedHashMap<>();

    static {
        KIND_WORDS.put("PHONE", "电话沟通");
        KIND_WORDS.put("MEETING", "见面座谈");
        KIND_WORDS.put("ON_SITE_INVESTIGATION", "实地调查");
        KIND_WORDS.put("SYMPOSIUM", "召开座谈会");
        KIND_WORDS.put("VISIT", "接待代表来访"); // the deputy came to the unit (来访), not the unit to the deputy
        KIND_WORDS.put("DRAFT_CONSULTATION", "就答复意见征求代表意见");
    }

    private final StatisticsService statistics;
    private final EntityManager em;
    private final SummaryConfig wording;
    private final AnnualSummaryDraftRepository drafts;
    private final SummaryNarrativeRepository narratives;
    private final ObjectMapper json;

    public AnnualSummaryService(StatisticsService statistics, EntityManager em, SummaryConfig wording, AnnualSummaryDraftRepository drafts,
            SummaryNarrativeRepository narratives, ObjectMapper json) {
        this.statistics = statistics;
        this.em = em;
        this.wording = wording;
        this.drafts = drafts;
        this.narratives = narratives;
        this.json = json;
    }

    /** A rendered summary: the header of the draft (absent without one), the preamble, the sections and the signature. */
    public record Summary(String title, Header header, String addressee, String opening, List<Section> sections, String closing,
            String signature, String date) {
    }

    /** The government-disclosure header (政府信息公开) of the seed. */
    public record Header(String indexNumber, String classification, String publisher, LocalDate writtenOn, String name,
            String documentNumber, LocalDate publishedOn, String subjectWords) {
    }

    public record Section(String heading, List<Part> parts) {
    }

    /** A subheading, a paragraph or a chart of a section. */
    public record Part(PartKind kind, String text, ChartSpec chart) {

        static Part subheading(String text) {
            return new Part(PartKind.SUBHEADING, text, null);
        }

        static Part paragraph(String text) {
            return new Part(PartKind.PARAGRAPH, text, null);
        }

        static Part chart(ChartSpec chart) {
            return new Part(PartKind.CHART, chart.title().zh(), chart);
        }
    }

    public enum PartKind {
        SUBHEADING, PARAGRAPH, CHART
    }

    /** A replied suggestion of section 三 with the measures its reply committed to (empty for an older reply). */
    public record Conversion(String number, String title, boolean measuresReported, List<String> measures) {
    }

    @Transactional
    public Summary summary(Caller caller, String unitCode, int year) {
        return summary(caller, unitCode, year, true);
    }

    /** Without charts (the Markdown has none), their queries are skipped. */
    @Transactional
    public Summary summary(Caller caller, String unitCode, int year, boolean charts) {
        ReportScope scope = ReportScope.of(caller, null, year, unitCode, null);
        // one pass over the scope gives every figure, sentence and chart; only section 三 reads its own rows
        StatisticsService.SummaryFigures all = statistics.summaryFigures(scope, wording.topicCount(), charts);
        Figures figures = all.totals();
        if (figures.cases() == 0) {
            throw new NotFoundException(Text.of("该单位该年度没有可总结的办理记录", "No handling of this unit in that year to summarise"));
        }
        AnnualSummaryDraft draft = drafts.findFor(unitCode, year).orElse(null);
        Map<String, String> narrative = new HashMap<>();
        if (draft != null) {
            for (SummaryNarrative n : narratives.current(draft.id)) {
                narrative.put(n.sectionKey, n.text);
            }
        }
        if (scope.congressBody() != null) {
            // a congress body's view: the unit's writing about a number that several bodies' suggestions share is not
            // known to be about this body's suggestion, so it is left out (the unit and the supervisors still see it)
            for (String shared : sharedNumbers(unitCode, year)) {
                narrative.remove(SummarySections.CONVERSION_PREFIX + shared);
            }
        }
        String unitName = draft != null ? draft.organisationName : all.unitName() == null ? unitCode : all.unitName();
        // the previous year as the same caller sees it (a congress office compares its own body's cases), from the same pass
        String comparison = comparisonSentence(figures, all.previousYear(), year - 1);
        List<Section> sections = List.of(basicSection(all, comparison, narrative, charts), measuresSection(all, narrative, charts),
                conversionSection(scope, narrative), new Section("四、下一步工作思路", paragraphs(narrative, SummarySections.NEXT_STEPS, nextSteps())));
        String own = narrative.get(SummarySections.OPENING);
        String opening = own == null || own.isBlank() ? defaultOpening(all, year) : own;
        if (draft == null) {
            return new Summary(unitName + year + "年度" + wording.evaluator() + "建议办理工作总结", null, wording.addressee(), opening, sections,
                    "专此报告。", unitName, null);
        }
        Header header = new Header(draft.indexNumber(), draft.classification, draft.publisher, draft.writtenOn, draft.name, draft.documentNumber,
                draft.publishedOn, draft.subjectWords);
        return new Summary(draft.name, header, draft.addressee, opening, sections, "专此报告。", draft.organisationName,
                draft.writtenOn == null ? null : chineseDate(draft.writtenOn));
    }

    // 一、基本情况

    private Section basicSection(StatisticsService.SummaryFigures all, String comparison, Map<String, String> narrative, boolean charts) {
        Figures f = all.totals();
        List<Part> parts = new ArrayList<>();
        parts.add(Part.paragraph("(一)办理数量及主要内容。" + basicSituation(f, all.rehandlingOutcomes()) + comparison + topicsSentence(all.topics())));
        if (charts && f.replied() > 0) {
            parts.add(Part.chart(evaluationChart(f)));
            parts.add(Part.chart(categoryChart(f)));
        }
        List<String> features = SummarySections.paragraphs(text(narrative, SummarySections.BASIC_FEATURES, defaultFeatures()));
        for (int i = 0; i < features.size(); i++) {
            parts.add(Part.paragraph(i == 0 ? "(二)办理工作的主要特点和成效。" + features.get(i) : features.get(i)));
        }
        return new Section("一、基本情况", parts);
    }

    /** The seed's sentence: totals by role, evaluation results, joint opinions' timeliness. */
    String basicSituation(Figures f) {
        return basicSituation(f, Map.of());
    }

    /**
     * The seed's sentence, and after the evaluations the cases re-handled after an unsatisfied evaluation with where they
     * stand now ({@code outcomes}: the deputy's evaluation of the new reply, or still in hand).
     */
    String basicSituation(Figures f, Map<StatisticsService.RehandlingOutcome, Long> outcomes) {
        StringBuilder s = new StringBuilder("今年,").append(wording.self()).append("共办理").append(wording.handledNoun())
                .append(f.cases()).append("件。");
        List<String> clauses = new ArrayList<>();
        if (f.replyCases() > 0) {
            List<String> parts = new ArrayList<>();
            parts.add("其中主办、承办、分办" + f.replyCases() + "件");
            if (f.satisfied() > 0) {
                parts.add(f.satisfied() + "件已收到" + wording.evaluator() + "“满意”评价");
            }
            if (f.basicallySatisfied() > 0) {
                parts.add(f.basicallySatisfied() + "件收到“基本满意”评价");
            }
            if (f.unsatisfied() > 0) {
                parts.add(f.unsatisfied() + "件收到“不满意”评价");
            }
            if (f.notEvaluated() > 0) {
                parts.add(f.notEvaluated() + "件尚未评价");
            }
            long inHand = f.replyCases() - f.replied();
            if (inHand > 0) {
                parts.add(inHand + "件正在办理");
            }
            clauses.add(String.join(",", parts));
            if (f.rehandled() > 0) {
                clauses.add(rehandlingClause(f.rehandled(), outcomes));
            }
        }
        if (f.jointCases() > 0) {
            String joint = (clauses.isEmpty() ? "其中" : "") + "汇办" + f.jointCases() + "件,";
            long late = f.opinionsSent() - f.opinionsOnTime();
            long unsent = f.jointCases() - f.opinionsSent();
            if (late == 0 && unsent == 0) {
                joint += "汇办意见全部按时反馈主办单位";
            } else {
                List<String> parts = new ArrayList<>();
                if (f.opinionsOnTime() > 0) {
                    parts.add(f.opinionsOnTime() + "件汇办意见按时反馈主办单位");
                }
                if (late > 0) {
                    parts.add(late + "件逾期反馈");
                }
                if (unsent > 0) {
                    parts.add(unsent + "件尚未反馈");
                }
                joint += String.join(",", parts);
            }
            clauses.add(joint);
        }
        return s.append(String.join(";", clauses)).append(clauses.isEmpty() ? "" : "。").toString();
    }

    /**
     * "其中1件经代表不满意后重新办理,重新答复后代表表示满意": the re-handled cases and the deputies' evaluations of the new
     * replies; those not yet evaluated again are said to be in hand.
     */
    static String rehandlingClause(long rehandled, Map<StatisticsService.RehandlingOutcome, Long> outcomes) {
        long satisfied = outcomes.getOrDefault(StatisticsService.RehandlingOutcome.SATISFIED, 0L);
        long basically = outcomes.getOrDefault(StatisticsService.RehandlingOutcome.BASICALLY_SATISFIED, 0L);
        long unsatisfied = outcomes.getOrDefault(StatisticsService.RehandlingOutcome.UNSATISFIED, 0L);
        long pending = Math.max(0, rehandled - satisfied - basically - unsatisfied);
        StringBuilder s = new StringBuilder("其中").append(rehandled).append("件经代表不满意后重新办理");
        if (satisfied == rehandled) {
            return s.append(",重新答复后代表表示满意").toString();
        }
        if (basically == rehandled) {
            return s.append(",重新答复后代表表示基本满意").toString();
        }
        if (satisfied + basically == rehandled) {
            return s.append(",重新答复后代表表示满意").append(satisfied).append("件、基本满意").append(basically).append("件").toString();
        }
        List<String> outcome = new ArrayList<>();
        if (satisfied > 0) {
            outcome.add("满意" + satisfied + "件");
        }
        if (basically > 0) {
            outcome.add("基本满意" + basically + "件");
        }
        if (unsatisfied > 0) {
            outcome.add("仍不满意" + unsatisfied + "件");
        }
        if (!outcome.isEmpty()) {
            s.append(",重新答复后代表表示").append(String.join("、", outcome));
        }
        if (pending > 0) {
            s.append(outcome.isEmpty() ? "," : ",另有").append(pending).append("件正在重新办理或尚待代表再次评价");
        }
        return s.toString();
    }

    /**
     * One sentence comparing the year with the previous one (absent: nothing is said): the cases handled, then the on-time
     * reply rate and the satisfaction rate where both years have one. "与2019年相比,承办建议增加3件(2019年为27件),按时答复率由80%提高到100%。"
     */
    static String comparisonSentence(Figures now, Figures before, int previousYear) {
        if (before == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("与").append(previousYear).append("年相比,承办建议");
        long change = now.cases() - before.cases();
        if (change > 0) {
            s.append("增加").append(change).append("件");
        } else if (change < 0) {
            s.append("减少").append(-change).append("件");
        } else {
            s.append("数量持平");
        }
        s.append("(").append(previousYear).append("年为").append(before.cases()).append("件)");
        rateChange(s, "按时答复率", before.onTimeReplyRate(), now.onTimeReplyRate());
        rateChange(s, "满意率", before.satisfactionRate(), now.satisfactionRate());
        return s.append("。").toString();
    }

    private static void rateChange(StringBuilder s, String name, BigDecimal before, BigDecimal now) {
        if (before == null || now == null) {
            return;
        }
        String from = percent(before);
        String to = percent(now);
        int direction = now.compareTo(before);
        if (from.equals(to)) {
            s.append(",").append(name).append("均为").append(to);
        } else {
            s.append(",").append(name).append("由").append(from).append(direction > 0 ? "提高到" : "降至").append(to);
        }
    }

    // 二、主要工作措施

    private Section measuresSection(StatisticsService.SummaryFigures all, Map<String, String> narrative, boolean charts) {
        Figures f = all.totals();
        List<Part> parts = new ArrayList<>();
        parts.add(Part.subheading("(一)强化组织领导,高位推进建议办理工作。"));
        parts.add(Part.paragraph(leadershipSentence(f)));
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_LEADERSHIP, ""));
        parts.add(Part.subheading("(二)强化工作机制,有序规范开展建议办理工作。"));
        if (f.replied() > 0) {
            parts.add(Part.paragraph(timelinessSentence(f)));
        }
        if (charts && f.replied() > 0) {
            List<ChartSpec> replyCharts = replyCharts(all.replyGroups());
            parts.add(Part.chart(replyCharts.get(0)));
            if (!replyCharts.get(1).categories().isEmpty()) {
                parts.add(Part.chart(replyCharts.get(1)));
            }
        }
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_MECHANISM, ""));
        parts.add(Part.subheading("(三)强化沟通协调,按时保质完成建议办理工作。"));
        parts.add(Part.paragraph(communicationSentence(f, communicationsByKind(all.communicationsByKind()))));
        if (f.jointCases() > 0) {
            parts.add(Part.paragraph(jointOpinionSentence(f)));
        }
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_COMMUNICATION, ""));
        return new Section("二、主要工作措施", parts);
    }

    /** Leader-led cases (a lead handler named at distribution) and drafts returned in review. */
    String leadershipSentence(Figures f) {
        String leaders = leaders();
        StringBuilder s = new StringBuilder();
        if (f.leaderLed() > 0) {
            s.append("实行").append(leaders).append("牵头办理制度,").append(f.leaderLed()).append("件建议由").append(leaders).append("牵头办理。");
        } else {
            s.append("今年没有由").append(leaders).append("牵头办理的建议。");
        }
        if (f.returnedDrafts() > 0) {
            s.append("答复意见稿经审核退回修改").append(f.returnedDrafts()).append("次,对答复意见质量不高的一律补充办理。");
        } else if (f.replied() > 0) {
            s.append("答复意见稿均经审核把关后答复。");
        }
        return s.toString();
    }

    String timelinessSentence(Figures f) {
        StringBuilder s = new StringBuilder("主办、承办、分办的").append(f.replyCases()).append("件建议中,").append(f.replied()).append("件已答复");
        if (f.repliedOnTime() == f.replied()) {
            s.append(",全部在办理时限内答复");
        } else {
            s.append(",其中").append(f.repliedOnTime()).append("件在办理时限内答复");
        }
        s.append(",按时答复率").append(percent(f.onTimeReplyRate())).append("。");
        return s.toString();
    }

    /** Communications by kind (distinct communications: a symposium for several suggestions counts once), communication and face-to-face rates. */
    String communicationSentence(Figures f, Map<String, Long> byKind) {
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder();
        if (total == 0) {
            s.append("今年尚未记录与代表的沟通。");
        } else {
            List<String> kinds = new ArrayList<>();
            byKind.forEach((kind, count) -> kinds.add(KIND_WORDS.getOrDefault(kind, "其他方式沟通") + count + "次"));
            s.append("办理过程中与代表沟通").append(total).append("次,其中").append(String.join("、", kinds)).append("。");
        }
        if (f.replied() > 0) {
            s.append("已答复的").append(f.replied()).append("件建议中,").append(f.communicatedBeforeReply()).append("件在答复前与代表进行了沟通,沟通率")
                    .append(percent(f.communicationRate())).append(";").append(f.faceToFaceBeforeReply()).append("件与代表面对面沟通,面商率")
                    .append(percent(f.faceToFaceRate())).append("。");
        }
        return s.toString();
    }

    String jointOpinionSentence(Figures f) {
        StringBuilder s = new StringBuilder("汇办的").append(f.jointCases()).append("件建议,");
        if (f.opinionsOnTime() == f.jointCases()) {
            s.append("汇办意见全部在一个月内书面反馈主办单位。");
        } else {
            s.append(f.opinionsOnTime()).append("件汇办意见在一个月内书面反馈主办单位");
            long late = f.opinionsSent() - f.opinionsOnTime();
            if (late > 0) {
                s.append(",").append(late).append("件逾期反馈");
            }
            long unsent = f.jointCases() - f.opinionsSent();
            if (unsent > 0) {
                s.append(",").append(unsent).append("件尚未反馈");
            }
            s.append("。");
        }
        return s.toString();
    }

    // 三、将建议转化成实际的工作措施

    private Section conversionSection(ReportScope scope, Map<String, String> narrative) {
        List<Part> parts = new ArrayList<>();
        int n = 0;
        List<String> narrated = narrative.keySet().stream().filter(k -> k.startsWith(SummarySections.CONVERSION_PREFIX))
                .map(k -> k.substring(SummarySections.CONVERSION_PREFIX.length())).toList();
        for (Conversion c : conversions(scope, narrated, Integer.MAX_VALUE)) {
            List<String> own = SummarySections.paragraphs(narrative.get(SummarySections.CONVERSION_PREFIX + c.number()));
            if (c.measures().isEmpty() && own.isEmpty()) {
                continue; // nothing was committed and the office wrote nothing: no measure to report
            }
            parts.add(Part.subheading("(" + chineseNumber(++n) + ")第" + c.number() + "号《" + c.title() + "》。"));
            for (int i = 0; i < c.measures().size(); i++) {
                parts.add(Part.paragraph((i + 1) + "." + asSentence(c.measures().get(i))));
            }
            own.forEach(p -> parts.add(Part.paragraph(p)));
        }
        if (parts.isEmpty()) {
            parts.add(Part.paragraph("今年答复的建议尚无列明的工作措施。"));
        }
        return new Section("三、将建议转化成实际的工作措施", parts);
    }

    /**
     * Numbers of the suggestions the unit replied to in the year that more than one congress body uses (numbers repeat
     * between a People's Congress and a CPPCC): a {@code conversion-<number>} section cannot tell which one it is about.
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public java.util.Set<String> sharedNumbers(String unitCode, int year) {
        ReportScope unit = new ReportScope(null, year, unitCode, null, null, null, null, null, false);
        Query query = em.createNativeQuery("SELECT c.number " + unit.where()
                + " AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL GROUP BY c.number HAVING count(DISTINCT c.congress_body) > 1");
        unit.parameters().forEach(query::setParameter);
        return new java.util.HashSet<>((List<String>) query.getResultList());
    }

    /** Each suggestion the unit replied to as SOLE, LEAD or SEPARATE in the year, by number, with its reply's measures. */
    @Transactional
    public List<Conversion> conversions(ReportScope scope) {
        return conversions(scope, null, Integer.MAX_VALUE);
    }

    /** The first {@code max} of {@link #conversions(ReportScope)}, by number. */
    @Transactional
    public List<Conversion> conversions(ReportScope scope, int max) {
        return conversions(scope, null, max);
    }

    /** With {@code narrated} given, only the suggestions whose reply listed measures or that the office wrote about (what section 三 shows). */
    private List<Conversion> conversions(ReportScope scope, List<String> narrated, int max) {
        String listed = narrated == null ? ""
                : " AND (jsonb_array_length(m.commitments) > 0" + (narrated.isEmpty() ? ")" : " OR c.number IN (:narrated))");
        Query query = em.createNativeQuery("SELECT c.number, coalesce(s.title, c.title), m.reported, cast(m.commitments as text) "
                + scope.where().replace("FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id",
                        "FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id LEFT JOIN report_reply_measures m ON m.case_id = c.id")
                + " AND c.role <> 'JOINT' AND c.replied_on IS NOT NULL" + listed + " ORDER BY c.number");
        scope.parameters().forEach(query::setParameter);
        if (narrated != null && !narrated.isEmpty()) {
            query.setParameter("narrated", narrated);
        }
        if (max < Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        List<Conversion> conversions = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            List<String> measures = new ArrayList<>();
            if (r[3] != null) {
                try {
                    // as the workflow-service accepts them: at most 50 measures of at most 500 characters
                    for (JsonNode commitment : json.readTree((String) r[3])) {
                        String measure = Limits.cut(commitment.path("measure").asText("").strip(), Limits.MEASURE);
                        if (!measure.isEmpty() && measures.size() < Limits.MEASURES) {
                            measures.add(measure);
                        }
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            conversions.add(new Conversion((String) r[0], r[1] == null ? "" : (String) r[1], Boolean.TRUE.equals(r[2]), measures));
        }
        return conversions;
    }

    // 四、下一步工作思路 and the defaults of the narratives

    private String nextSteps() {
        return "虽然" + wording.self() + "办理" + wording.evaluator() + "建议工作取得了一定成效,但与" + wording.congress() + "人大常委会、"
                + wording.congress() + "政府的要求,与" + wording.evaluator() + "们的期望还有差距。在今后的工作中," + wording.self()
                + "将坚持以代表满意为最高标准,从代表提出的事项抓起,从代表不满意的地方改起,加强与代表的沟通联系,跟踪落实答复中承诺的工作措施,"
                + "努力把建议办理工作落到实处。";
    }

    private String defaultFeatures() {
        return wording.self() + "始终把办理" + wording.evaluator() + "建议工作作为接受" + wording.evaluator()
                + "监督、改进工作作风的大事来抓,坚持“认真负责、实事求是、尽力而为”的办理原则,明确每一件建议的承办责任、要求和时间,按时完成了建议办理任务。";
    }

    private String defaultOpening(StatisticsService.SummaryFigures all, int year) {
        String meeting = year + "年度";
        if (all.term() != null) {
            meeting = wording.congress() + chineseNumber(all.term()) + "届人大" + chineseNumber(all.session()) + "次会议";
        }
        return "根据贵单位关于做好" + meeting + "代表建议办理收尾工作的有关要求,现将" + wording.self() + year + "年度" + wording.evaluator()
                + "建议办理工作总结报送如下:";
    }

    /** "我局" → "局领导". */
    private String leaders() {
        String self = wording.self();
        return (self.startsWith("我") && self.length() > 1 ? self.substring(1) : "单位") + "领导";
    }

    private static String text(Map<String, String> narrative, String key, String fallback) {
        String text = narrative.get(key);
        return text == null || text.isBlank() ? fallback : text;
    }

    private static List<Part> paragraphs(Map<String, String> narrative, String key, String fallback) {
        return SummarySections.paragraphs(text(narrative, key, fallback)).stream().map(Part::paragraph).toList();
    }

    // charts

    private static ChartSpec evaluationChart(Figures f) {
        return new ChartSpec("evaluations", Text.of("代表评价结果", "Deputies' evaluations"), SummaryCharts.Kind.PIE,
                List.of(Text.of("满意", "Satisfied"), Text.of("基本满意", "Basically satisfied"), Text.of("不满意", "Unsatisfied"),
                        Text.of("尚未评价", "Not evaluated")),
                List.of(Text.of("件数", "Cases")),
                new double[][] { { f.satisfied(), f.basicallySatisfied(), f.unsatisfied(), f.notEvaluated() } }, Text.of("件数", "Cases"), false);
    }

    private static ChartSpec categoryChart(Figures f) {
        List<Text> categories = new ArrayList<>();
        double[] values = new double[Figures.CATEGORIES.length];
        for (int i = 0; i < Figures.CATEGORIES.length; i++) {
            String c = Figures.CATEGORIES[i];
            categories.add(Text.of(c + "类", "Category " + c));
            values[i] = f.categories().getOrDefault(c, 0L);
        }
        return new ChartSpec("categories", Text.of("答复类别", "Result categories"), SummaryCharts.Kind.BAR, categories,
                List.of(Text.of("件数", "Cases")), new double[][] { values }, Text.of("件数", "Cases"), false);
    }

    /**
     * Replies per month (on time, late) against the deadlines falling due in each month, and the on-time
     * reply rate by undertaking department (as the statistics' DEPARTMENT breakdown), from the summary's one pass.
     */
    private List<ChartSpec> replyCharts(List<StatisticsService.ReplyGroup> groups) {
        java.util.TreeMap<String, double[]> months = new java.util.TreeMap<>();
        java.util.TreeMap<String, Double> departments = new java.util.TreeMap<>();
        boolean unnamed = false;
        double unnamedRate = 0;
        for (StatisticsService.ReplyGroup g : groups) {
            long onTime = g.repliedOnTime();
            long late = g.repliedLate();
            switch (g.grouping()) {
                case DEPARTMENT -> {
                    if (onTime + late > 0) {
                        double rate = Figures.rate(onTime, onTime + late).movePointRight(2).doubleValue();
                        if (g.key() == null) {
                            unnamed = true;
                            unnamedRate = rate;
                        } else {
                            departments.put(g.key(), rate);
                        }
                    }
                }
                case REPLIED_MONTH -> {
                    if (g.key() != null) {
                        double[] m = months.computeIfAbsent(g.key(), k -> new double[3]);
                        m[0] = onTime;
                        m[1] = late;
                    }
                }
                case DUE_MONTH -> {
                    if (g.key() != null) {
                        months.computeIfAbsent(g.key(), k -> new double[3])[2] = g.cases();
                    }
                }
            }
        }
        List<Text> monthLabels = new ArrayList<>();
        double[][] monthValues = new double[3][months.size()];
        int i = 0;
        for (Map.Entry<String, double[]> m : months.entrySet()) {
            monthLabels.add(Text.of(m.getKey(), m.getKey()));
            for (int series = 0; series < 3; series++) {
                monthValues[series][i] = m.getValue()[series];
            }
            i++;
        }
        List<Text> departmentLabels = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        departments.forEach((name, rate) -> {
            departmentLabels.add(Text.of(name, name));
            rates.add(rate);
        });
        if (unnamed) {
            departmentLabels.add(Text.of("未指定处室", "Not named"));
            rates.add(unnamedRate);
        }
        return List.of(
                new ChartSpec("replies-by-month", Text.of("每月答复件数与到期件数", "Replies per month against deadlines"), SummaryCharts.Kind.BAR,
                        monthLabels, List.of(Text.of("按时答复", "Replied on time"), Text.of("逾期答复", "Replied late"), Text.of("到期件数", "Falling due")),
                        monthValues, Text.of("件数", "Cases"), false),
                new ChartSpec("on-time-by-department", Text.of("各承办处室按时答复率(%)", "On-time replies by department (%)"), SummaryCharts.Kind.BAR,
                        departmentLabels, List.of(Text.of("按时答复率", "On-time rate")),
                        new double[][] { rates.stream().mapToDouble(Double::doubleValue).toArray() }, Text.of("%", "%"), true));
    }

    // queries and wording helpers

    /** A measure as the seed writes it: a sentence closed by a full stop (commitments are usually short phrases). */
    static String asSentence(String measure) {
        return measure.matches(".*[。!?;…!?;.]$") ? measure : measure + "。";
    }

    /** Distinct communications by kind among the cases in scope (a communication shared by several cases counts once). */
    static Map<String, Long> communicationsByKind(Map<String, Long> byKind) {
        Map<String, Long> found = new HashMap<>(byKind);
        Map<String, Long> ordered = new LinkedHashMap<>();
        KIND_WORDS.keySet().forEach(kind -> {
            if (found.containsKey(kind)) {
                ordered.put(kind, found.remove(kind));
            }
        });
        long other = found.values().stream().mapToLong(Long::longValue).sum();
        if (other > 0) {
            ordered.put("OTHER", other);
        }
        return ordered;
    }

    private static String topicsSentence(List<String> topics) {
        return topics.isEmpty() ? "" : "内容主要涉及" + String.join("、", topics) + "等。";
    }

    /** 0.7143 → "71.4%", 1 → "100%". */
    static String percent(BigDecimal rate) {
        if (rate == null) {
            return "—";
        }
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (up to 9999). */
    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n > 9999) {
            return Integer.toString(n);
        }
        String[] units = { "", "十", "百", "千" };
        StringBuilder s = new StringBuilder();
        String text = Integer.toString(n);
        boolean zero = false;
        for (int i = 0; i < text.length(); i++) {
            int d = text.charAt(i) - '0';
            int unit = text.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero && s.length() > 0) {
                s.append('零');
            }
            zero = false;
            if (!(d == 1 && unit == 1 && s.length() == 0)) {
                s.append(digits.charAt(d));
            }
            s.append(units[unit]);
        }
        return s.toString();
    }
}
