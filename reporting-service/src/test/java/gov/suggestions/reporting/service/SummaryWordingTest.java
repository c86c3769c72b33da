package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The words around the figures: Chinese ordinals of section 三, percentages, dates, the default report name, section 二's sentences. */
class SummaryWordingTest {

    private final SummaryWording service = new SummaryWording(TestWording.calling("我委"));

    @Test
    void aMeasureIsWrittenAsASentence() {
        assertEquals("支持开展区块链试点应用。", SummaryWording.asSentence("支持开展区块链试点应用"));
        assertEquals("年内上线平台。", SummaryWording.asSentence("年内上线平台。"));
        assertEquals("是否可行?", SummaryWording.asSentence("是否可行?"));
    }

    @Test
    void ordinalsAreWrittenInChinese() {
        assertEquals("一", SummaryWording.chineseNumber(1));
        assertEquals("十", SummaryWording.chineseNumber(10));
        assertEquals("十一", SummaryWording.chineseNumber(11));
        assertEquals("二十", SummaryWording.chineseNumber(20));
        assertEquals("一百零五", SummaryWording.chineseNumber(105));
        assertEquals("一百一十", SummaryWording.chineseNumber(110));
        assertEquals("一千", SummaryWording.chineseNumber(1000));
        assertEquals("二千零一十九", SummaryWording.chineseNumber(2019));
    }

    @Test
    void ratesDatesAndTheDefaultName() {
        assertEquals("100%", SummaryWording.percent(new BigDecimal("1.0000")));
        assertEquals("42.9%", SummaryWording.percent(new BigDecimal("0.4286")));
        assertEquals("—", SummaryWording.percent(null));
        assertEquals("2020年9月30日", SummaryWording.chineseDate(LocalDate.parse("2020-09-30")));
        assertEquals("市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告", SummaryDraftService.defaultName("深圳市政务服务数据管理局", 2020));
        assertEquals("某委关于报送2021年度人大代表建议办理工作总结的报告", SummaryDraftService.defaultName("某委", 2021));
    }

    @Test
    void sectionTwoNamesTheUnitsOwnLeadersAndEveryKindOfCommunication() {
        Figures f = figures();
        assertEquals("实行委领导牵头办理制度,2件建议由委领导牵头办理。答复意见稿经审核退回修改3次,对答复意见质量不高的一律补充办理。",
                service.leadershipSentence(f));
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("PHONE", 4L);
        kinds.put("SYMPOSIUM", 1L);
        kinds.put("VISIT", 1L); // the deputy came to the unit
        kinds.put("OTHER", 2L);
        assertEquals("办理过程中与代表沟通8次,其中电话沟通4次、召开座谈会1次、接待代表来访1次、其他方式沟通2次。已答复的4件建议中,3件在答复前与代表进行了沟通,"
                + "沟通率75%;1件与代表面对面沟通,面商率25%。", service.communicationSentence(f, kinds));
        assertEquals("主办、承办、分办的5件建议中,4件已答复,其中3件在办理时限内答复,按时答复率75%。", service.timelinessSentence(f));
        assertEquals("汇办的3件建议,1件汇办意见在一个月内书面反馈主办单位,1件逾期反馈,1件尚未反馈。", service.jointOpinionSentence(f));
    }

    private static Figures figures() {
        // 8 cases: 5 reply cases (4 replied, 3 on time, 3 communicated, 1 face to face), 3 joint (2 sent, 1 on time)
        return new Figures("all", 8, 5, 4, 3, 3, 2, 1, 3, 1, 2, 2, 0, 0, 2, Map.of(), 0, 0, 2, 3, Map.of());
    }
}
