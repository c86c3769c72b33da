package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.repository.AnnualSummaryQueries;

/** The 基本情况 sentence for years that differ from the seed's. */
class BasicSituationWordingTest {

    private final SummaryWording service = new SummaryWording(TestWording.calling("我局"));

    @Test
    void mixedEvaluationsCasesInHandAndLateOrMissingOpinionsAreEachNamed() {
        Figures f = figures(12, 6, 5, 4, 2, 1, 1, 6, 5, 3);
        assertEquals("今年,我局共办理市人大代表建议12件。其中主办、承办、分办6件,2件已收到人大代表“满意”评价,1件收到“基本满意”评价,"
                + "1件收到“不满意”评价,1件尚未评价,1件正在办理;汇办6件,3件汇办意见按时反馈主办单位,2件逾期反馈,1件尚未反馈。",
                service.basicSituation(f));
    }

    @Test
    void aUnitWithOnlyJointCasesSaysSo() {
        Figures f = figures(3, 0, 0, 0, 0, 0, 0, 3, 3, 3);
        assertEquals("今年,我局共办理市人大代表建议3件。其中汇办3件,汇办意见全部按时反馈主办单位。", service.basicSituation(f));
    }

    @Test
    void reHandledCasesSayWhereTheyStand() {
        Figures f = figures(3, 3, 3, 3, 2, 1, 0, 0, 0, 0);
        Figures rehandled = new Figures("all", 3, 3, 3, 3, 0, 0, 0, 0, 0, 3, 2, 1, 0, 0, Map.of(), 1, 0, 0, 0, Map.of());
        assertEquals("今年,我局共办理市人大代表建议3件。其中主办、承办、分办3件,2件已收到人大代表“满意”评价,1件收到“基本满意”评价;"
                + "其中1件经代表不满意后重新办理,重新答复后代表表示基本满意。",
                service.basicSituation(rehandled, Map.of(AnnualSummaryQueries.RehandlingOutcome.BASICALLY_SATISFIED, 1L)));
        assertEquals(service.basicSituation(f), service.basicSituation(f, Map.of()), "nothing re-handled: the seed's sentence");
        assertEquals("其中3件经代表不满意后重新办理,重新答复后代表表示满意2件、基本满意1件", SummaryWording.rehandlingClause(3,
                Map.of(AnnualSummaryQueries.RehandlingOutcome.SATISFIED, 2L, AnnualSummaryQueries.RehandlingOutcome.BASICALLY_SATISFIED, 1L)));
        assertEquals("其中4件经代表不满意后重新办理,重新答复后代表表示满意1件、仍不满意1件,另有2件正在重新办理或尚待代表再次评价",
                SummaryWording.rehandlingClause(4, Map.of(AnnualSummaryQueries.RehandlingOutcome.SATISFIED, 1L,
                        AnnualSummaryQueries.RehandlingOutcome.UNSATISFIED, 1L, AnnualSummaryQueries.RehandlingOutcome.PENDING, 2L)));
        assertEquals("其中1件经代表不满意后重新办理,1件正在重新办理或尚待代表再次评价",
                SummaryWording.rehandlingClause(1, Map.of(AnnualSummaryQueries.RehandlingOutcome.PENDING, 1L)));
    }

    @Test
    void theComparisonWithThePreviousYearNamesTheChangeAndTheRates() {
        Figures now = figures(30, 7, 7, 6, 6, 0, 0, 23, 23, 23);
        Figures before = new Figures("all", 27, 5, 5, 4, 22, 22, 22, 0, 0, 5, 3, 1, 1, 0, Map.of(), 0, 0, 0, 0, Map.of());
        assertEquals("与2019年相比,承办建议增加3件(2019年为27件),按时答复率由80%提高到100%,满意率由60%提高到100%。",
                SummaryWording.comparisonSentence(now, before, 2019));
        assertEquals("与2019年相比,承办建议减少3件(2019年为30件),按时答复率均为100%,满意率由100%降至60%。",
                SummaryWording.comparisonSentence(figuresOnTime(27, 5, 3), now, 2019));
        assertEquals("与2019年相比,承办建议数量持平(2019年为30件),按时答复率均为100%,满意率均为100%。",
                SummaryWording.comparisonSentence(now, now, 2019));
        assertEquals("", SummaryWording.comparisonSentence(now, null, 2019));
    }

    /** Every reply on time, {@code satisfied} of {@code evaluated} satisfied. */
    private static Figures figuresOnTime(long cases, long evaluated, long satisfied) {
        return new Figures("all", cases, evaluated, evaluated, evaluated, 0, 0, 0, 0, 0, evaluated, satisfied, 0, evaluated - satisfied, 0,
                Map.of(), 0, 0, 0, 0, Map.of());
    }

    private static Figures figures(long cases, long replyCases, long replied, long evaluated, long satisfied, long basically,
            long unsatisfied, long joint, long sent, long onTime) {
        return new Figures("all", cases, replyCases, replied, replied, joint, sent, onTime, 0, 0, evaluated, satisfied, basically,
                unsatisfied, replied - evaluated, Map.of(), 0, 0, 0, 0, Map.of());
    }
}
