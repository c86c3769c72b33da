package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The summary's default paragraphs and section 三's lines, from the wording alone (no Quarkus, no database). */
class SummaryDefaultsWordingTest {

    private final SummaryWording wording = new SummaryWording(TestWording.calling("我局"));

    @Test
    void theOpeningNamesTheSessionMostCasesCameFromElseTheYear() {
        assertEquals("根据贵单位关于做好市六届人大八次会议代表建议办理收尾工作的有关要求,现将我局2020年度人大代表建议办理工作总结报送如下:",
                wording.defaultOpening(6, 8, 2020));
        assertEquals("根据贵单位关于做好2020年度代表建议办理收尾工作的有关要求,现将我局2020年度人大代表建议办理工作总结报送如下:",
                wording.defaultOpening(null, null, 2020));
    }

    @Test
    void theDefaultsSpeakInTheUnitsOwnName() {
        assertEquals("我局2020年度人大代表建议办理工作总结", wording.title("我局", 2020));
        assertEquals("市人大常委会办公厅", wording.addressee());
        assertEquals(true, wording.nextSteps().startsWith("虽然我局办理人大代表建议工作取得了一定成效,但与市人大常委会、市政府的要求"));
        assertEquals(true, wording.defaultFeatures().startsWith("我局始终把办理人大代表建议工作作为接受人大代表监督"));
        assertEquals("今年没有由局领导牵头办理的建议。", wording.leadershipSentence(
                new Figures("all", 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, Map.of())));
    }

    @Test
    void sectionThreeListsEachSuggestionAndItsMeasures() {
        assertEquals("(十二)第20200041号《关于推进数据立法的建议》。", SummaryWording.conversionHeading(12, "20200041", "关于推进数据立法的建议"));
        assertEquals("2.建成平台。", SummaryWording.measure(2, "建成平台"));
        assertEquals("今年答复的建议尚无列明的工作措施。", SummaryWording.noMeasures());
    }

    @Test
    void topicsAndCommunicationKindsInTheSeedsOrder() {
        assertEquals("内容主要涉及智慧城市、数据立法等。", SummaryWording.topicsSentence(List.of("智慧城市", "数据立法")));
        assertEquals("", SummaryWording.topicsSentence(List.of()));
        Map<String, Long> found = new LinkedHashMap<>();
        found.put("VISIT", 1L);
        found.put("LETTER", 2L);
        found.put("PHONE", 4L);
        found.put("EMAIL", 1L);
        assertEquals(List.of("PHONE", "VISIT", "OTHER"), List.copyOf(SummaryWording.communicationsByKind(found).keySet()));
        assertEquals(3L, SummaryWording.communicationsByKind(found).get("OTHER"));
    }
}
