package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * "Communicated before the reply" compares calendar days in China, as the workflow's communicate-first gate does:
 * a reply letter dated in the past is recorded at the start of its day, and a communication later that same day
 * still came before the reply; one on the next day in China (even if still the same UTC day) did not.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CommunicationBeforeReplyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void aCommunicationCountsBeforeTheReplyByItsDayInChina() {
        feed = new EventFeed(bootstrapServers);
        String body = Scenario.code("npc");
        String unit = Scenario.code("ua");
        Scenario year = new Scenario(feed, body);
        LocalDate due = LocalDate.parse("2021-08-20");
        LocalDate issued = LocalDate.parse("2021-06-20");

        CaseRef sameDay = year.open(year.suggestion(2021, "关于数据开放的建议", List.of("数据开放")), unit, "甲局", "SOLE", due);
        reply(sameDay, issued);
        year.communicate(sameDay, "PHONE", "2021-06-20T07:00:00Z"); // 15:00 in China on the letter's day

        CaseRef nextDay = year.open(year.suggestion(2021, "关于数据安全的建议", List.of("数据安全")), unit, "甲局", "SOLE", due);
        reply(nextDay, issued);
        year.communicate(nextDay, "PHONE", "2021-06-21T01:00:00Z"); // 09:00 the next day

        CaseRef nextDayInChinaOnly = year.open(year.suggestion(2021, "关于数据交易的建议", List.of("数据交易")), unit, "甲局", "SOLE", due);
        reply(nextDayInChinaOnly, issued);
        year.communicate(nextDayInChinaOnly, "MEETING", "2021-06-20T17:00:00Z"); // 01:00 on 21 June in China
        year.awaitRead(inbox);

        given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics?year=2021")
                .then().statusCode(200)
                .body("total.counts.replied", equalTo(3))
                .body("total.counts.communicatedBeforeReply", equalTo(1))
                .body("total.counts.faceToFaceBeforeReply", equalTo(0));
    }

    /** A reply letter dated in the past, recorded at the start of its day in China (as workflow-service records it). */
    private void reply(CaseRef ref, LocalDate issuedOn) {
        feed.caseEvent("case.replied.v1", ref, Map.of("state", "REPLIED", "category", "A", "issuedOn", issuedOn.toString(),
                "occurredAt", issuedOn.minusDays(1) + "T16:00:00Z", "dueOn", "2021-08-20", "onTime", true, "round", 1));
    }
}
