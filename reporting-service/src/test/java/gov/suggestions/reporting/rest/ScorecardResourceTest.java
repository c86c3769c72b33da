package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;

/**
 * Two units' year, with the cards computed by hand (default weights 25/10/10/10/20/10/5/10 for on-time reply,
 * on-time joint opinion, communication, face-to-face, satisfaction, basic satisfaction, not re-handled, not overdue).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ScorecardResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    String body;
    String unitA;
    String unitB;

    @BeforeEach
    void year() {
        body = Scenario.code("npc");
        unitA = Scenario.code("ua");
        unitB = Scenario.code("ub");
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario year = new Scenario(feed, body);
            LocalDate due = LocalDate.parse("2020-08-20");
            // unit A: a LEAD case met in person, on time, satisfied; a SOLE case phoned, late, basically satisfied; a JOINT opinion on time
            Scenario.Suggestion s1 = year.suggestion(2020, "建议一", List.of("数据"));
            CaseRef a1 = year.open(s1, unitA, "甲局", "LEAD", due);
            year.communicate(a1, "MEETING", "2020-06-05T02:00:00Z");
            year.reply(a1, "A", LocalDate.parse("2020-08-01"), due, 1);
            year.evaluate(a1, "SATISFIED");
            CaseRef b1 = year.open(s1, unitB, "乙局", "JOINT", LocalDate.parse("2020-06-20"));
            year.sendOpinion(b1, LocalDate.parse("2020-06-25"), LocalDate.parse("2020-06-20"));
            Scenario.Suggestion s2 = year.suggestion(2020, "建议二", List.of("数据"));
            CaseRef a2 = year.open(s2, unitA, "甲局", "SOLE", due);
            year.communicate(a2, "PHONE", "2020-06-05T02:00:00Z");
            year.reply(a2, "B", LocalDate.parse("2020-08-25"), due, 1);
            year.evaluate(a2, "BASICALLY_SATISFIED");
            // unit B: a LEAD case answered on time without communication, unsatisfied and re-handled (its new deadline passed),
            // and a SOLE case never answered: two overdue of three
            Scenario.Suggestion s3 = year.suggestion(2020, "建议三", List.of("数据"));
            CaseRef a3 = year.open(s3, unitA, "甲局", "JOINT", LocalDate.parse("2020-06-20"));
            year.sendOpinion(a3, LocalDate.parse("2020-06-18"), LocalDate.parse("2020-06-20"));
            CaseRef b3 = year.open(s3, unitB, "乙局", "LEAD", due);
            year.reply(b3, "C", LocalDate.parse("2020-08-10"), due, 1);
            year.evaluate(b3, "UNSATISFIED");
            year.rehandle(b3, LocalDate.parse("2020-10-25"));
            Scenario.Suggestion s4 = year.suggestion(2020, "建议四", List.of("数据"));
            year.open(s4, unitB, "乙局", "SOLE", due);
            year.awaitRead(inbox);
        }
    }

    @Test
    void theCongressOfficeSeesEveryUnitRankedWithTheHandComputedScores() {
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics/scorecards?year=2020")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].rank", equalTo(1)).body("items[0].unitCode", equalTo(unitA)).body("items[0].unitName", equalTo("甲局"))
                .body("items[0].cases", equalTo(3))
                .body("items[0].casesByRole.SOLE", equalTo(1)).body("items[0].casesByRole.LEAD", equalTo(1))
                .body("items[0].casesByRole.SEPARATE", equalTo(0)).body("items[0].casesByRole.JOINT", equalTo(1))
                .body("items[0].onTimeReply", equalTo(0.5f)).body("items[0].onTimeJointOpinion", equalTo(1.0f))
                .body("items[0].communication", equalTo(1.0f)).body("items[0].faceToFace", equalTo(0.5f))
                .body("items[0].satisfaction", equalTo(0.5f)).body("items[0].basicSatisfaction", equalTo(1.0f))
                .body("items[0].rehandling", equalTo(0.0f)).body("items[0].overdue", equalTo(0))
                // (25×0.5 + 10×1 + 10×1 + 10×0.5 + 20×0.5 + 10×1 + 5×1 + 10×1) / 100
                .body("items[0].score", equalTo(72.5f))
                .body("items[1].rank", equalTo(2)).body("items[1].unitCode", equalTo(unitB))
                .body("items[1].casesByRole.LEAD", equalTo(1)).body("items[1].casesByRole.SOLE", equalTo(1))
                .body("items[1].casesByRole.JOINT", equalTo(1))
                .body("items[1].onTimeReply", equalTo(1.0f)).body("items[1].onTimeJointOpinion", equalTo(0.0f))
                .body("items[1].communication", equalTo(0.0f)).body("items[1].faceToFace", equalTo(0.0f))
                .body("items[1].satisfaction", equalTo(0.0f)).body("items[1].basicSatisfaction", equalTo(0.0f))
                .body("items[1].rehandling", equalTo(1.0f)).body("items[1].overdue", equalTo(2))
                // (25×1 + 10×0.3333) / 100: not overdue 1 of 3
                .body("items[1].score", equalTo(28.33f));
    }

    @Test
    void aUnitSeesOnlyItsOwnCardAndAnotherBodySeesNone() {
        given().auth().oauth2(TestTokens.role("unit-office").unit(unitB).sign())
                .when().get("/api/v1/statistics/scorecards")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].unitCode", equalTo(unitB)).body("items[0].rank", equalTo(1)).body("items[0].score", equalTo(28.33f));
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unitA).sign())
                .when().get("/api/v1/statistics/scorecards?congressBody=" + body)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].unitCode", equalTo(unitA));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(Scenario.code("npc")).sign())
                .when().get("/api/v1/statistics/scorecards?congressBody=" + body)
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics/scorecards?year=2021")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.role("handler").unit(unitA).sign())
                .when().get("/api/v1/statistics/scorecards").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics/scorecards?year=99999")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("year"));
    }

}
