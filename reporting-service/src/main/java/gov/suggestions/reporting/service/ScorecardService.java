package gov.suggestions.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.config.ScorecardConfig;

/** Unit scorecards: each unit's figures (from {@link StatisticsService}) with a weighted combined score, ranked. */
@ApplicationScoped
public class ScorecardService {

    public static final List<String> ROLES = List.of("SOLE", "LEAD", "SEPARATE", "JOINT");

    /** One unit's card; {@code score} 0–100 with two decimals, absent when none of its rates can be computed. */
    public record Scorecard(int rank, String unitCode, String unitName, Map<String, Long> casesByRole, Figures figures,
            BigDecimal notOverdueRate, BigDecimal score) {
    }

    private final StatisticsService statistics;
    private final EntityManager em;
    private final ScorecardConfig weights;

    public ScorecardService(StatisticsService statistics, EntityManager em, ScorecardConfig weights) {
        this.statistics = statistics;
        this.em = em;
        this.weights = weights;
    }

    @Transactional
    public List<Scorecard> scorecards(ReportScope scope) {
        Map<String, Object[]> units = unitsAndRoles(scope);
        List<Scorecard> cards = new ArrayList<>();
        for (Figures f : statistics.breakdown(scope, StatisticsService.GroupBy.UNIT)) {
            Object[] unit = units.getOrDefault(f.group(), new Object[6]);
            Map<String, Long> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), unit[2 + i] == null ? 0 : ((Number) unit[2 + i]).longValue());
            }
            BigDecimal notOverdue = Figures.rate(f.cases() - f.overdue(), f.cases());
            cards.add(new Scorecard(0, f.group(), (String) unit[1], byRole, f, notOverdue, score(f, notOverdue)));
        }
        cards.sort(Comparator.comparing(Scorecard::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scorecard::unitCode));
        List<Scorecard> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Scorecard c = cards.get(i);
            ranked.add(new Scorecard(i + 1, c.unitCode(), c.unitName(), c.casesByRole(), c.figures(), c.notOverdueRate(), c.score()));
        }
        return ranked;
    }

    /** Weighted mean of the rates there are, times 100. */
    BigDecimal score(Figures f, BigDecimal notOverdue) {
        BigDecimal rehandling = f.rehandlingRate();
        Object[][] parts = {
            { f.onTimeReplyRate(), weights.onTimeReply() },
            { f.onTimeJointOpinionRate(), weights.onTimeJointOpinion() },
            { f.communicationRate(), weights.communication() },
            { f.faceToFaceRate(), weights.faceToFace() },
            { f.satisfactionRate(), weights.satisfaction() },
            { f.basicSatisfactionRate(), weights.basicSatisfaction() },
            { rehandling == null ? null : BigDecimal.ONE.subtract(rehandling), weights.notRehandled() },
            { notOverdue, weights.notOverdue() } };
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        for (Object[] part : parts) {
            BigDecimal w = BigDecimal.valueOf((Double) part[1]);
            if (part[0] != null && w.signum() > 0) {
                sum = sum.add(((BigDecimal) part[0]).multiply(w));
                weight = weight.add(w);
            }
        }
        return weight.signum() == 0 ? null : sum.multiply(BigDecimal.valueOf(100)).divide(weight, 2, RoundingMode.HALF_UP);
    }

    /** Unit name and cases per role for each unit in scope, in one query over the same scope. */
    private Map<String, Object[]> unitsAndRoles(ReportScope scope) {
        Query query = em.createNativeQuery("""
                SELECT c.unit_code, max(c.unit_name),
                       count(*) FILTER (WHERE c.role = 'SOLE'), count(*) FILTER (WHERE c.role = 'LEAD'),
                       count(*) FILTER (WHERE c.role = 'SEPARATE'), count(*) FILTER (WHERE c.role = 'JOINT')
                """ + scope.where() + " GROUP BY c.unit_code");
        scope.parameters().forEach(query::setParameter);
        Map<String, Object[]> units = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            units.put((String) r[0], r);
        }
        return units;
    }
}
