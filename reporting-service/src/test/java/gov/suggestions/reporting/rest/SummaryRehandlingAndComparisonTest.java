package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Section 一 of the summary, driven by events: a case re-handled after an unsatisfied evaluation and a basically-satisfied
 * evaluation are both stated with their numbers, and a unit with cases in the previous year gets one sentence comparing
 * the two years (a year without a previous one gets none).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryRehandlingAndComparisonTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;
    String unit;

    /**
     * 2020: two SOLE cases, both replied on time, one satisfied, one basically satisfied. 2021: three SOLE cases: one replied
     * on time, evaluated unsatisfied, re-handled, replied again and then evaluated satisfied; one replied late and basically
     * satisfied; one replied on time and satisfied.
     */
    @BeforeAll
    void twoYears() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        unit = Scenario.code("rh");
        Scenario events = new Scenario(feed, Scenario.code("npc"));
        LocalDate due2020 = LocalDate.parse("2020-08-20");
        for (String result : List.of("SATISFIED", "BASICALLY_SATISFIED")) {
            CaseRef c = events.open(events.suggestion(2020, "去年的建议", List.of("数据")), unit, "深圳市重办局", "SOLE", due2020);
            events.reply(c, "A", LocalDate.parse("2020-08-01"), due2020, 1);
            events.evaluate(c, result);
        }
        LocalDate due = LocalDate.parse("2021-08-20");
        CaseRef rehandled = events.open(events.suggestion(2021, "重新办理的建议", List.of("数据")), unit, "深圳市重办局", "SOLE", due);
        events.reply(rehandled, "B", LocalDate.parse("2021-08-01"), due, 1);
        events.evaluate(rehandled, "UNSATISFIED");
        events.rehandle(rehandled, LocalDate.parse("2021-10-20"));
        events.reply(rehandled, "A", LocalDate.parse("2021-10-01"), LocalDate.parse("2021-10-20"), 2);
        events.evaluate(rehandled, "SATISFIED");
        CaseRef late = events.open(events.suggestion(2021, "逾期答复的建议", List.of("数据")), unit, "深圳市重办局", "SOLE", due);
        events.reply(late, "A", LocalDate.parse("2021-08-25"), due, 1);
        events.evaluate(late, "BASICALLY_SATISFIED");
        CaseRef plain = events.open(events.suggestion(2021, "满意的建议", List.of("数据")), unit, "深圳市重办局", "SOLE", due);
        events.reply(plain, "A", LocalDate.parse("2021-08-02"), due, 1);
        events.evaluate(plain, "SATISFIED");
        events.awaitRead(inbox);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void theRehandledCaseAndTheBasicallySatisfiedOneAreStatedWithTheirNumbers() {
        String markdown = summary(unit, 2021);
        assertTrue(markdown.contains("(一)办理数量及主要内容。今年,我局共办理市人大代表建议3件。其中主办、承办、分办3件,2件已收到人大代表“满意”评价,"
                + "1件收到“基本满意”评价;其中1件经代表不满意后重新办理,重新答复后代表表示满意。"), markdown);
    }

    @Test
    void theYearIsComparedWithThePreviousOne() {
        String markdown = summary(unit, 2021);
        assertTrue(markdown.contains("重新答复后代表表示满意。与2020年相比,承办建议增加1件(2020年为2件),按时答复率由100%降至66.7%,"
                + "满意率由50%提高到66.7%。内容主要涉及数据等。"), markdown);
        // the same sentence in the HTML
        String html = given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/html")
                .when().get("/api/v1/annual-summaries/" + unit + "/2021").then().statusCode(200).extract().asString();
        assertTrue(html.contains("与2020年相比,承办建议增加1件(2020年为2件)"), html);
    }

    @Test
    void aYearWithoutAPreviousOneComparesWithNothing() {
        String markdown = summary(unit, 2020);
        assertTrue(markdown.contains("今年,我局共办理市人大代表建议2件。其中主办、承办、分办2件,1件已收到人大代表“满意”评价,1件收到“基本满意”评价。"
                + "内容主要涉及数据等。"), markdown);
        assertFalse(markdown.contains("年相比"), markdown);
        assertFalse(markdown.contains("重新办理,"), markdown);
    }

    private static String summary(String unit, int year) {
        return given().auth().oauth2(TestTokens.role("unit-office").unit(unit).sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/" + year).then().statusCode(200).extract().asString();
    }
}
