package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 基本情况 sentence for years that differ from the seed's. */
class BasicSituationWordingTest {

    private final AnnualSummaryService service = new AnnualSummaryService(null, null, TestWording.calling("我局"), null, null, null);

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

    private static Figures figures(long cases, long replyCases, long replied, long evaluated, long satisfied, long basically,
            long unsatisfied, long joint, long sent, long onTime) {
        return new Figures("all", cases, replyCases, replied, replied, joint, sent, onTime, 0, 0, evaluated, satisfied, basically,
                unsatisfied, replied - evaluated, Map.of(), 0, 0, 0, 0, Map.of());
    }
}
