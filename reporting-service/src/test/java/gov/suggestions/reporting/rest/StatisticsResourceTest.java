package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Figures over a small year checked against hand-computed expectations. Unit A: SOLE (on time, phone
 * before reply, A, satisfied), LEAD (late, meeting before reply, B, basically satisfied), SEPARATE (on
 * time, phone only after the reply, C then re-handled to A, basically satisfied), JOINT (opinion late),
 * JOINT (no opinion, overdue). Unit B: JOINT (opinion on time), LEAD (on time, symposium before reply,
 * D, not evaluated), SOLE (no reply, overdue).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    @Inject
    EntityManager em;

    EventFeed feed;
    String body;
    String unitA;
    String unitB;

    @BeforeAll
    void scenario() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        body = Scenario.code("npc");
        unitA = Scenario.code("ua");
        unitB = Scenario.code("ub");
        Scenario year = new Scenario(feed, body);
        LocalDate due = LocalDate.parse("2020-08-20");
        LocalDate jointDue = LocalDate.parse("2020-06-20");

        Scenario.Suggestion s1 = year.suggestion(2020, "关于推进数据立法的建议", List.of("数据立法"));
        CaseRef a1 = year.open(s1, unitA, "甲局", "SOLE", due);
        year.distribute(a1, "王副局长");
        year.communicate(a1, "PHONE", "2020-06-01T02:00:00Z");
        year.returnDraft(a1);
        year.reply(a1, "A", LocalDate.parse("2020-07-01"), due, 1);
        year.evaluate(a1, "SATISFIED");

        Scenario.Suggestion s2 = year.suggestion(2020, "关于政务数据共享的建议", List.of("政务数据共享"));
        CaseRef a2 = year.open(s2, unitA, "甲局", "LEAD", due);
        CaseRef b2 = year.open(s2, unitB, "乙局", "JOINT", jointDue);
        year.sendOpinion(b2, LocalDate.parse("2020-06-15"), jointDue);
        year.communicate(a2, "MEETING", "2020-07-01T02:00:00Z");
        year.reply(a2, "B", LocalDate.parse("2020-08-25"), due, 1);
        year.evaluate(a2, "BASICALLY_SATISFIED");

        Scenario.Suggestion s3 = year.suggestion(2020, "关于审批服务便民化的建议", List.of("审批服务"));
        CaseRef a3 = year.open(s3, unitA, "甲局", "SEPARATE", due);
        year.reply(a3, "C", LocalDate.parse("2020-08-01"), due, 1);
        year.communicate(a3, "PHONE", "2020-08-05T02:00:00Z");
        year.evaluate(a3, "UNSATISFIED");
        year.rehandle(a3, LocalDate.parse("2020-10-01"));
        year.reply(a3, "A", LocalDate.parse("2020-09-20"), LocalDate.parse("2020-10-01"), 2);
        year.evaluate(a3, "BASICALLY_SATISFIED");

        Scenario.Suggestion s4 = year.suggestion(2020, "关于智慧城市建设的建议", List.of("智慧城市"));
        CaseRef b4 = year.open(s4, unitB, "乙局", "LEAD", due);
        CaseRef a4 = year.open(s4, unitA, "甲局", "JOINT", jointDue);
        year.sendOpinion(a4, LocalDate.parse("2020-06-25"), jointDue);
        year.communicate(b4, "SYMPOSIUM", "2020-06-10T02:00:00Z");
        year.reply(b4, "D", LocalDate.parse("2020-08-10"), due, 1);

        Scenario.Suggestion s5 = year.suggestion(2020, "关于区块链产业发展的建议", List.of("区块链"));
        year.open(s5, unitB, "乙局", "SOLE", due);
        year.open(s5, unitA, "甲局", "JOINT", jointDue);
        year.awaitRead(inbox);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void theCongressOfficeSeesItsBodysFiguresAsComputedByHand() {
        as(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics?year=2020")
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(8))
                .body("total.counts.replyCases", equalTo(5))
                .body("total.counts.replied", equalTo(4))
                .body("total.counts.repliedOnTime", equalTo(3))
                .body("total.counts.jointCases", equalTo(3))
                .body("total.counts.opinionsSent", equalTo(2))
                .body("total.counts.opinionsOnTime", equalTo(1))
                .body("total.counts.communicatedBeforeReply", equalTo(3))
                .body("total.counts.faceToFaceBeforeReply", equalTo(2))
                .body("total.counts.evaluated", equalTo(3))
                .body("total.counts.satisfied", equalTo(1))
                .body("total.counts.basicallySatisfied", equalTo(2))
                .body("total.counts.unsatisfied", equalTo(0))
                .body("total.counts.notEvaluated", equalTo(1))
                .body("total.counts.categories.A", equalTo(2))
                .body("total.counts.categories.B", equalTo(1))
                .body("total.counts.categories.C", equalTo(0))
                .body("total.counts.categories.D", equalTo(1))
                .body("total.counts.rehandled", equalTo(1))
                .body("total.counts.overdue", equalTo(2))
                .body("total.counts.leaderLed", equalTo(1))
                .body("total.counts.returnedDrafts", equalTo(1))
                .body("total.counts.communications.PHONE", equalTo(2))
                .body("total.counts.communications.MEETING", equalTo(1))
                .body("total.counts.communications.SYMPOSIUM", equalTo(1))
                .body("total.rates.onTimeReply", equalTo(0.75f))
                .body("total.rates.onTimeJointOpinion", equalTo(0.5f))
                .body("total.rates.communication", equalTo(0.75f))
                .body("total.rates.faceToFace", equalTo(0.5f))
                .body("total.rates.satisfaction", equalTo(0.3333f))
                .body("total.rates.basicSatisfaction", equalTo(1.0f))
                .body("total.rates.categoryShares.A", equalTo(0.5f))
                .body("total.rates.categoryShares.B", equalTo(0.25f))
                .body("total.rates.categoryShares.C", equalTo(0.0f))
                .body("total.rates.categoryShares.D", equalTo(0.25f))
                .body("total.rates.rehandling", equalTo(0.25f));
    }

    @Test
    void aSymposiumSharedBySeveralCasesCountsOnceByKindButCountsForEachCase() {
        String ownBody = Scenario.code("npc");
        String unit = Scenario.code("us");
        Scenario year = new Scenario(feed, ownBody);
        List<EventFeed.CaseRef> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Scenario.Suggestion s = year.suggestion(2020, "关于智慧城市建设的建议" + i, List.of("智慧城市"));
            cases.add(year.open(s, unit, "丙局", "SOLE", LocalDate.parse("2020-08-20")));
        }
        year.communicateShared(cases, "SYMPOSIUM", "2020-06-10T02:00:00Z");
        year.communicate(cases.get(0), "PHONE", "2020-06-11T02:00:00Z");
        for (EventFeed.CaseRef c : cases) {
            year.reply(c, "A", LocalDate.parse("2020-07-01"), LocalDate.parse("2020-08-20"), 1);
        }
        year.awaitRead(inbox);

        as(TestTokens.role("congress-office").congressBody(ownBody).sign())
                .when().get("/api/v1/statistics?groupBy=UNIT")
                .then().statusCode(200)
                .body("total.counts.communications.SYMPOSIUM", equalTo(1))
                .body("total.counts.communications.PHONE", equalTo(1))
                .body("total.counts.communicatedBeforeReply", equalTo(3))
                .body("total.counts.faceToFaceBeforeReply", equalTo(3))
                .body("groups[0].counts.communications.SYMPOSIUM", equalTo(1));
    }

    @Test
    void figuresBreakDownByUnitAndRole() {
        as(TestTokens.role("gov-supervisor").sign())
                .when().get("/api/v1/statistics?congressBody=" + body + "&groupBy=UNIT")
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(8))
                .body("groups", hasSize(2))
                .body("groups.find { it.group == '" + unitA + "' }.counts.cases", equalTo(5))
                .body("groups.find { it.group == '" + unitA + "' }.rates.onTimeReply", equalTo(0.6667f))
                .body("groups.find { it.group == '" + unitA + "' }.rates.onTimeJointOpinion", equalTo(0.0f))
                .body("groups.find { it.group == '" + unitB + "' }.counts.cases", equalTo(3))
                .body("groups.find { it.group == '" + unitB + "' }.rates.onTimeReply", equalTo(1.0f))
                .body("groups.find { it.group == '" + unitB + "' }.rates.satisfaction", nullValue());
        as(TestTokens.role("gov-supervisor").sign())
                .when().get("/api/v1/statistics?congressBody=" + body + "&role=JOINT")
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(3))
                .body("total.counts.overdue", equalTo(1));
    }

    @Test
    void figuresNarrowBySessionTopicDepartmentAndSupervisionLevel() {
        String office = TestTokens.role("congress-office").congressBody(body).sign();
        as(office).when().get("/api/v1/statistics?topic=数据立法").then().statusCode(200)
                .body("total.counts.cases", equalTo(1)).body("total.counts.satisfied", equalTo(1));
        as(office).when().get("/api/v1/statistics?topic=政务数据共享").then().statusCode(200).body("total.counts.cases", equalTo(2));
        as(office).when().get("/api/v1/statistics?department=数据资源处").then().statusCode(200).body("total.counts.cases", equalTo(1));
        as(office).when().get("/api/v1/statistics?session=8").then().statusCode(200).body("total.counts.cases", equalTo(8));
        as(office).when().get("/api/v1/statistics?session=7").then().statusCode(200).body("total.counts.cases", equalTo(0));
        as(office).when().get("/api/v1/statistics?groupBy=SUPERVISION_LEVEL").then().statusCode(200)
                .body("groups", hasSize(1))
                .body("groups[0].group", equalTo("ORDINARY"))
                .body("groups[0].counts.cases", equalTo(8));
        as(office).when().get("/api/v1/statistics?supervisionLevel=GOVERNMENT_KEY").then().statusCode(200).body("total.counts.cases", equalTo(0));
    }

    @Test
    void aUnitSeesOnlyItsOwnUnit() {
        String tokenA = TestTokens.role("unit-office").unit(unitA).sign();
        as(tokenA).when().get("/api/v1/statistics?congressBody=" + body)
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(5))
                .body("total.counts.replied", equalTo(3))
                .body("total.counts.overdue", equalTo(1));
        as(tokenA).when().get("/api/v1/statistics?congressBody=" + body + "&unit=" + unitB)
                .then().statusCode(200).body("total.counts.cases", equalTo(0));
        as(TestTokens.role("unit-leader").unit(unitB).sign()).when().get("/api/v1/statistics?congressBody=" + body + "&groupBy=UNIT")
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(3))
                .body("groups.group", equalTo(List.of(unitB)));
        as(TestTokens.role("congress-office").congressBody("other-npc").sign())
                .when().get("/api/v1/statistics?congressBody=" + body)
                .then().statusCode(200).body("total.counts.cases", equalTo(0));
        as(TestTokens.role("handler").unit(unitA).sign()).when().get("/api/v1/statistics").then().statusCode(403);
        as(TestTokens.role("deputy").deputy("D-0117").sign()).when().get("/api/v1/statistics").then().statusCode(403);
        given().when().get("/api/v1/statistics").then().statusCode(401);
    }

    @Test
    void theOverdueListNamesEachLateCaseInScope() {
        as(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics/overdue")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].unitCode", equalTo(unitA))
                .body("items[0].deadline", equalTo("JOINT_OPINION"))
                .body("items[0].dueOn", equalTo("2020-06-20"))
                .body("items[1].unitCode", equalTo(unitB))
                .body("items[1].deadline", equalTo("REPLY"))
                .body("items[1].title", equalTo("关于区块链产业发展的建议"));
        as(TestTokens.role("unit-office").unit(unitB).sign())
                .when().get("/api/v1/statistics/overdue?congressBody=" + body)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].unitCode", equalTo(unitB));
    }

    @Test
    void filtersOutOfRangeAreRejected() {
        as(TestTokens.role("gov-supervisor").sign()).when().get("/api/v1/statistics?year=1800&groupBy=DEPARTMENT")
                .then().statusCode(400).contentType("application/problem+json");
        as(TestTokens.role("gov-supervisor").sign()).when().get("/api/v1/statistics/overdue?size=500")
                .then().statusCode(400);
    }

    @Test
    void aBreakdownHoldsAtMostItsDocumentedGroupsAndTheScorecardsTheBestCards() {
        // 1,001 cases of one congress body, each of its own unit and department: one group more than an answer holds
        String many = Scenario.code("many");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO report_case (id, suggestion_id, congress_body, number, unit_code, unit_name, role, state, assigned_on,
                                         undertaking_department, updated_at)
                SELECT gen_random_uuid(), gen_random_uuid(), :body, 'M' || i, :body || '-' || i, '单位' || i, 'LEAD', 'ASSIGNED',
                       DATE '2020-05-20', '处室' || i, now()
                FROM generate_series(1, :n) AS i""").setParameter("body", many).setParameter("n", Limits.GROUPS + 1).executeUpdate());
        try {
            String supervisor = TestTokens.role("gov-supervisor").sign();
            as(supervisor).when().get("/api/v1/statistics?congressBody=" + many + "&groupBy=DEPARTMENT")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:gov-suggestions:problem:too-many-groups"))
                    .body("detail", org.hamcrest.Matchers.containsString(Integer.toString(Limits.GROUPS)));
            as(supervisor).when().get("/api/v1/statistics?congressBody=" + many + "&groupBy=ROLE")
                    .then().statusCode(200).body("groups", hasSize(1)).body("total.counts.cases", equalTo(Limits.GROUPS + 1));
            as(supervisor).when().get("/api/v1/statistics/scorecards?congressBody=" + many)
                    .then().statusCode(200).body("items", hasSize(Limits.SCORECARDS))
                    .body("items[0].rank", equalTo(1)).body("items[" + (Limits.SCORECARDS - 1) + "].rank", equalTo(Limits.SCORECARDS));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM report_case WHERE congress_body = :body")
                    .setParameter("body", many).executeUpdate());
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
