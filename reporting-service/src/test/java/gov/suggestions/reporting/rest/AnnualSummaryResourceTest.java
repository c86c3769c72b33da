package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The seed's year as events (30 suggestions: 7 SOLE/LEAD/SEPARATE replied, 6 satisfied and 1 not yet
 * evaluated; 23 JOINT, every opinion on time): section 一 reproduces the seed's sentence exactly.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualSummaryResourceTest {

    /** Copied from the real annual summary this report is modelled on (the seed), punctuation and quotes as they are there. */
    static final String SEED_SENTENCE = "今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,6件已收到人大代表“满意”评价,"
            + "1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;
    String unit;

    @BeforeAll
    void seedYear() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        unit = Scenario.code("zsj");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        String[] roles = { "SOLE", "LEAD", "LEAD", "SEPARATE", "SOLE", "LEAD", "SOLE" };
        String[] topics = { "智慧城市", "数字政府", "审批服务便民化", "数据立法", "政务数据共享" };
        int[] topicTimes = { 10, 8, 6, 4, 2 };
        int t = 0;
        int used = 0;
        LocalDate due = LocalDate.parse("2020-08-20");
        LocalDate jointDue = LocalDate.parse("2020-06-20");
        for (int i = 0; i < 30; i++) {
            if (used == topicTimes[t]) {
                t++;
                used = 0;
            }
            used++;
            Scenario.Suggestion s = year.suggestion(2020, "建议" + i, List.of(topics[t]));
            if (i < 7) {
                CaseRef c = year.open(s, unit, "深圳市政务服务数据管理局", roles[i], due);
                year.communicate(c, "PHONE", "2020-06-0" + (1 + i % 5) + "T02:00:00Z");
                year.reply(c, i % 2 == 0 ? "A" : "B", LocalDate.parse("2020-08-0" + (1 + i)), due, 1);
                if (i < 6) {
                    year.evaluate(c, "SATISFIED");
                }
            } else {
                CaseRef c = year.open(s, unit, "深圳市政务服务数据管理局", "JOINT", jointDue);
                year.sendOpinion(c, LocalDate.parse("2020-06-1" + (i % 10)), jointDue);
            }
        }
        year.awaitRead(inbox);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void theSeedsYearGivesTheSeedsSentenceInMarkdown() {
        String markdown = given().auth().oauth2(TestTokens.role("unit-office").unit(unit).sign())
                .accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .extract().asString();
        assertTrue(markdown.startsWith("# 深圳市政务服务数据管理局2020年度人大代表建议办理工作总结\n"), markdown);
        assertTrue(markdown.contains("\n## 一、基本情况\n\n(一)办理数量及主要内容。" + SEED_SENTENCE
                + "内容主要涉及智慧城市、数字政府、审批服务便民化、数据立法等。\n"), markdown);
    }

    @Test
    void theSameSummaryIsServedAsHtml() {
        String html = given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign())
                .accept("text/html")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020")
                .then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(html.contains("<h2>一、基本情况</h2>\n<p>(一)办理数量及主要内容。" + SEED_SENTENCE), html);
        assertEquals(1, html.split("<h1>", -1).length - 1);
    }

    @Test
    void onlyTheUnitItselfAndTheOfficesAboveItReadIt() {
        given().auth().oauth2(TestTokens.role("unit-office").unit("sz-other").sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("other-npc").sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020").then().statusCode(404);
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unit).sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020").then().statusCode(200);
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2019").then().statusCode(404);
        given().auth().oauth2(TestTokens.role("handler").unit(unit).sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/1800").then().statusCode(400);
    }
}
