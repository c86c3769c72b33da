package gov.suggestions.reporting.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.config.SummaryConfig;

/**
 * The annual work summary (年度建议办理工作总结) of a unit for a year. Figures are recomputed from the
 * read model on every render and written as the seed writes them.
 */
@ApplicationScoped
public class AnnualSummaryService {

    private final StatisticsService statistics;
    private final EntityManager em;
    private final SummaryConfig wording;

    public AnnualSummaryService(StatisticsService statistics, EntityManager em, SummaryConfig wording) {
        this.statistics = statistics;
        this.em = em;
        this.wording = wording;
    }

    /** A rendered summary: title and sections, each a heading with paragraphs. */
    public record Summary(String title, List<Section> sections) {
    }

    public record Section(String heading, List<String> paragraphs) {
    }

    @Transactional
    public Summary summary(Caller caller, String unitCode, int year) {
        ReportScope scope = ReportScope.of(caller, null, year, unitCode, null);
        Figures figures = statistics.totals(scope);
        if (figures.cases() == 0) {
            throw new NotFoundException(Text.of("该单位该年度没有可总结的办理记录", "No handling of this unit in that year to summarise"));
        }
        String unitName = unitName(scope, unitCode);
        String first = "(一)办理数量及主要内容。" + basicSituation(figures) + topicsSentence(scope);
        return new Summary(unitName + year + "年度" + wording.evaluator() + "建议办理工作总结",
                List.of(new Section("一、基本情况", List.of(first))));
    }

    /** The seed's sentence: totals by role, evaluation results, joint opinions' timeliness. */
    String basicSituation(Figures f) {
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

    private String topicsSentence(ReportScope scope) {
        Query query = em.createNativeQuery("SELECT t.topic " + scope.where().replace(
                "FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id",
                "FROM report_case c LEFT JOIN report_suggestion s ON s.id = c.suggestion_id "
                        + "CROSS JOIN LATERAL unnest(string_to_array(s.topics, '、')) WITH ORDINALITY AS t(topic, position)")
                + " GROUP BY t.topic ORDER BY count(*) DESC, min(t.position), t.topic");
        scope.parameters().forEach(query::setParameter);
        query.setMaxResults(wording.topicCount());
        @SuppressWarnings("unchecked")
        List<String> topics = query.getResultList();
        return topics.isEmpty() ? "" : "内容主要涉及" + String.join("、", topics) + "等。";
    }

    private String unitName(ReportScope scope, String unitCode) {
        Query query = em.createNativeQuery("SELECT max(c.unit_name) " + scope.where());
        scope.parameters().forEach(query::setParameter);
        Object name = query.getSingleResult();
        return name == null ? unitCode : name.toString();
    }
}
