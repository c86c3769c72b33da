package gov.suggestions.reporting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.reporting.config.SummaryConfig;
import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import gov.suggestions.reporting.domain.PartKind;
import gov.suggestions.reporting.domain.SummaryNarrative;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.repository.AnnualSummaryDraftRepository;
import gov.suggestions.reporting.repository.AnnualSummaryQueries;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.RepliedSuggestion;
import gov.suggestions.reporting.repository.SummaryNarrativeRepository;
import gov.suggestions.reporting.service.SummaryCharts.ChartSpec;

/**
 * The annual work summary (年度建议办理工作总结) of a unit for a year, in the seed's structure. Figures are
 * recomputed from the read model on every render ({@link AnnualSummaryQueries}: one statement, and one for section 三) and
 * written as the seed writes them ({@link SummaryWording}); the office's draft adds the disclosure header and the narrative
 * sections. This class only puts the pieces in the seed's order.
 */
@ApplicationScoped
public class AnnualSummaryService {

    private final AnnualSummaryQueries queries;
    private final SummaryWording wording;
    private final SummaryConfig settings;
    private final AnnualSummaryDraftRepository drafts;
    private final SummaryNarrativeRepository narratives;
    private final ObjectMapper json;
    private final Clock clock;

    public AnnualSummaryService(AnnualSummaryQueries queries, SummaryWording wording, SummaryConfig settings, AnnualSummaryDraftRepository drafts,
            SummaryNarrativeRepository narratives, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.wording = wording;
        this.settings = settings;
        this.drafts = drafts;
        this.narratives = narratives;
        this.json = json;
        this.clock = clock;
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

    /** A replied suggestion of section 三 with the measures its reply committed to (empty for an older reply). */
    public record Conversion(String number, String title, boolean measuresReported, List<String> measures) {
    }

    @Transactional
    public Summary summary(Caller caller, String unitCode, int year) {
        return summary(caller, unitCode, year, true);
    }

    /** Without charts (the Markdown has none), their groups are not computed. */
    @Transactional
    public Summary summary(Caller caller, String unitCode, int year, boolean charts) {
        ReportScope scope = ReportScope.of(caller, null, year, unitCode, null);
        // one pass over the scope gives every figure, sentence and chart; only section 三 reads its own rows
        SummaryFigures all = reachesUnit(scope) ? SummaryFigures.of(queries.summary(scope.unitCode(), year, scope.congressBody(), charts,
                LocalDate.now(clock.withZone(Clocks.ZONE))), settings.topicCount()) : SummaryFigures.NONE;
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
        String comparison = SummaryWording.comparisonSentence(figures, all.previousYear(), year - 1);
        List<Section> sections = List.of(basicSection(all, comparison, narrative, charts), measuresSection(all, narrative, charts),
                conversionSection(scope, narrative),
                new Section("四、下一步工作思路", paragraphs(narrative, SummarySections.NEXT_STEPS, wording.nextSteps())));
        String own = narrative.get(SummarySections.OPENING);
        String opening = own == null || own.isBlank() ? wording.defaultOpening(all.term(), all.session(), year) : own;
        if (draft == null) {
            return new Summary(wording.title(unitName, year), null, wording.addressee(), opening, sections, "专此报告。", unitName, null);
        }
        Header header = new Header(draft.indexNumber(), draft.classification, draft.publisher, draft.writtenOn, draft.name, draft.documentNumber,
                draft.publishedOn, draft.subjectWords);
        return new Summary(draft.name, header, draft.addressee, opening, sections, "专此报告。", draft.organisationName,
                draft.writtenOn == null ? null : SummaryWording.chineseDate(draft.writtenOn));
    }

    // 一、基本情况

    private Section basicSection(SummaryFigures all, String comparison, Map<String, String> narrative, boolean charts) {
        Figures f = all.totals();
        List<Part> parts = new ArrayList<>();
        parts.add(Part.paragraph("(一)办理数量及主要内容。" + wording.basicSituation(f, all.rehandlingOutcomes()) + comparison
                + SummaryWording.topicsSentence(all.topics())));
        if (charts && f.replied() > 0) {
            parts.add(Part.chart(SummaryChartSpecs.evaluations(f)));
            parts.add(Part.chart(SummaryChartSpecs.categories(f)));
        }
        List<String> features = SummarySections.paragraphs(text(narrative, SummarySections.BASIC_FEATURES, wording.defaultFeatures()));
        for (int i = 0; i < features.size(); i++) {
            parts.add(Part.paragraph(i == 0 ? "(二)办理工作的主要特点和成效。" + features.get(i) : features.get(i)));
        }
        return new Section("一、基本情况", parts);
    }

    // 二、主要工作措施

    private Section measuresSection(SummaryFigures all, Map<String, String> narrative, boolean charts) {
        Figures f = all.totals();
        List<Part> parts = new ArrayList<>();
        parts.add(Part.subheading("(一)强化组织领导,高位推进建议办理工作。"));
        parts.add(Part.paragraph(wording.leadershipSentence(f)));
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_LEADERSHIP, ""));
        parts.add(Part.subheading("(二)强化工作机制,有序规范开展建议办理工作。"));
        if (f.replied() > 0) {
            parts.add(Part.paragraph(wording.timelinessSentence(f)));
        }
        if (charts && f.replied() > 0) {
            List<ChartSpec> replyCharts = SummaryChartSpecs.replies(all.replyGroups());
            parts.add(Part.chart(replyCharts.get(0)));
            if (!replyCharts.get(1).categories().isEmpty()) {
                parts.add(Part.chart(replyCharts.get(1)));
            }
        }
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_MECHANISM, ""));
        parts.add(Part.subheading("(三)强化沟通协调,按时保质完成建议办理工作。"));
        parts.add(Part.paragraph(wording.communicationSentence(f, SummaryWording.communicationsByKind(all.communicationsByKind()))));
        if (f.jointCases() > 0) {
            parts.add(Part.paragraph(wording.jointOpinionSentence(f)));
        }
        parts.addAll(paragraphs(narrative, SummarySections.MEASURES_COMMUNICATION, ""));
        return new Section("二、主要工作措施", parts);
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
            parts.add(Part.subheading(SummaryWording.conversionHeading(++n, c.number(), c.title())));
            for (int i = 0; i < c.measures().size(); i++) {
                parts.add(Part.paragraph(SummaryWording.measure(i + 1, c.measures().get(i))));
            }
            own.forEach(p -> parts.add(Part.paragraph(p)));
        }
        if (parts.isEmpty()) {
            parts.add(Part.paragraph(SummaryWording.noMeasures()));
        }
        return new Section("三、将建议转化成实际的工作措施", parts);
    }

    /**
     * Numbers of the suggestions the unit replied to in the year that more than one congress body uses (numbers repeat
     * between a People's Congress and a CPPCC): a {@code conversion-<number>} section cannot tell which one it is about.
     */
    @Transactional
    public Set<String> sharedNumbers(String unitCode, int year) {
        return new HashSet<>(queries.sharedNumbers(unitCode, year));
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
        if (!reachesUnit(scope)) {
            return List.of();
        }
        List<Conversion> conversions = new ArrayList<>();
        for (RepliedSuggestion r : queries.repliedSuggestions(scope.unitCode(), scope.year(), scope.congressBody(), narrated, max)) {
            List<String> measures = new ArrayList<>();
            if (r.commitments() != null) {
                try {
                    // as the workflow-service accepts them: at most 50 measures of at most 500 characters
                    for (JsonNode commitment : json.readTree(r.commitments())) {
                        String measure = Limits.cut(commitment.path("measure").asText("").strip(), Limits.MEASURE);
                        if (!measure.isEmpty() && measures.size() < Limits.MEASURES) {
                            measures.add(measure);
                        }
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            conversions.add(new Conversion(r.number(), r.title(), r.measuresReported(), measures));
        }
        return conversions;
    }

    /**
     * The summary's queries read one unit's year: a scope without a unit, or one the caller may not see (asking for another
     * unit or congress body than its own), has no rows, so nothing is asked.
     */
    private static boolean reachesUnit(ReportScope scope) {
        return !scope.nothing() && scope.unitCode() != null && scope.year() != null;
    }

    private static String text(Map<String, String> narrative, String key, String fallback) {
        String text = narrative.get(key);
        return text == null || text.isBlank() ? fallback : text;
    }

    private static List<Part> paragraphs(Map<String, String> narrative, String key, String fallback) {
        return SummarySections.paragraphs(text(narrative, key, fallback)).stream().map(Part::paragraph).toList();
    }
}
