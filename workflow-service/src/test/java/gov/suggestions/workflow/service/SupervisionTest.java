package gov.suggestions.workflow.service;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import gov.suggestions.workflow.support.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Reminders, overdue marks, chasing and the supervisors' lists, with time moved by the clock. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SupervisionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Supervision supervision;

    @Inject
    SettableClock clock;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoInstancesRunningTheJobAtOnceSendEachReminderAndEachOverdueMarkOnce() throws Exception {
        String suggestion = UUID.randomUUID().toString();
        String week = unitCode();
        String day = unitCode();
        String joint = unitCode();
        LocalDate today = LocalDate.now(SHANGHAI);
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(week, "SEPARATE", today.plusDays(7)),
                    CaseDriver.unit(day, "SEPARATE", today.plusDays(1)), CaseDriver.unit(joint, "JOINT", today.plusDays(12))));
        }
        String weekCase = awaitCase(suggestion, week);
        String dayCase = awaitCase(suggestion, day);
        String jointCase = awaitCase(suggestion, joint);
        act(weekCase, office(week), "distribution", DISTRIBUTION).statusCode(200);

        runTwiceConcurrently();
        runTwiceConcurrently();
        assertEquals(List.of("REMINDER_7"), notices(weekCase));
        assertEquals(List.of("REMINDER_1"), notices(dayCase));
        assertEquals(List.of("REMINDER_15"), notices(jointCase));

        clock.advance(Duration.ofDays(9));
        runTwiceConcurrently();
        runTwiceConcurrently();
        assertEquals(List.of("OVERDUE", "REMINDER_7"), notices(weekCase));
        assertEquals(List.of("OVERDUE", "REMINDER_1"), notices(dayCase));
        assertEquals(List.of("REMINDER_15", "REMINDER_7"), notices(jointCase));

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil(bootstrapServers, "cases",
                r -> count(r, suggestion, "case.overdue.v1") >= 2 && count(r, suggestion, "case.deadline-approaching.v1") >= 4,
                Duration.ofSeconds(30));
        // give a duplicate the chance to show up before counting
        events = TopicReader.readUntil(bootstrapServers, "cases", r -> false, Duration.ofSeconds(2));
        assertEquals(2, count(events, suggestion, "case.overdue.v1"));
        assertEquals(4, count(events, suggestion, "case.deadline-approaching.v1"));
        String overdue = events.stream().filter(r -> suggestion.equals(r.key()) && "case.overdue.v1".equals(TopicReader.header(r, "ce_type"))
                && r.value().contains(weekCase)).findFirst().orElseThrow().value();
        assertTrue(overdue.contains("\"escalatedTo\":[\"unit-office\",\"王副局长\"]"), overdue);
        assertTrue(overdue.contains("\"daysOverdue\":2"), overdue);

        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).queryParam("view", "OVERDUE").queryParam("unitCode", week)
                .when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", hasItem(weekCase));
        // leader filters narrowed by unit: every test distributes to the same leader, so an unnarrowed list may span pages
        for (String[] filter : new String[][] { { "leaderInCharge", "王副局长" }, { "leaderInChargeId", LEADER_IN_CHARGE } }) {
            given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).queryParam("view", "OVERDUE").queryParam(filter[0], filter[1])
                    .queryParam("unitCode", week).when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", hasItem(weekCase));
            // dayCase is overdue too, but it was never distributed to that leader
            given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).queryParam("view", "OVERDUE").queryParam(filter[0], filter[1])
                    .queryParam("unitCode", day).when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", not(hasItem(dayCase)));
        }
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).queryParam("view", "OVERDUE").queryParam("unitCode", day)
                .when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", hasItem(dayCase));
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).queryParam("view", "OVERDUE").queryParam("leaderInChargeId", "someone-else")
                .queryParam("unitCode", week).when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", not(hasItem(weekCase)));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).queryParam("view", "DUE_SOON")
                .queryParam("unitCode", joint).when().get("/api/v1/supervision/cases").then().statusCode(200)
                .body("items.id", hasItem(jointCase));
        given().auth().oauth2(office(day)).queryParam("view", "OVERDUE").when().get("/api/v1/supervision/cases").then().statusCode(200)
                .body("items.id", hasItem(dayCase)).body("items.id", not(hasItem(weekCase)));
    }

    @Test
    void officesChaseByHandAndSeeReturnedAndAwaitingLists() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String done = unitCode();
        LocalDate due = LocalDate.now(SHANGHAI).plusMonths(3);
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", due), CaseDriver.unit(done, "SOLE", due)));
        }
        String id = awaitCase(suggestion, unit);
        String doneCase = awaitCase(suggestion, done);
        String office = TestTokens.role("congress-office").congressBody("shenzhen-npc").subject("npc-office-1").sign();
        given().auth().oauth2(office).contentType("application/json").body(Map.of("comment", "请于本周内报送答复稿"))
                .when().post("/api/v1/cases/" + id + "/chases").then().statusCode(201).body("state", equalTo("ASSIGNED"));
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("comment", "x"))
                .when().post("/api/v1/cases/" + id + "/chases").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("guangzhou-npc").sign()).contentType("application/json")
                .body(Map.of("comment", "x")).when().post("/api/v1/cases/" + id + "/chases").then().statusCode(404);
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("CHASE")).body("[-1].actor", equalTo("npc-office-1"));

        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        act(id, leader(unit), "review-decisions", CaseDriver.RETURN).statusCode(200);
        given().auth().oauth2(supervisor()).queryParam("view", "RETURNED").queryParam("unitCode", unit)
                .when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", hasItem(id));

        toReplied(doneCase, done);
        given().auth().oauth2(supervisor()).queryParam("view", "AWAITING_EVALUATION").queryParam("unitCode", done)
                .when().get("/api/v1/supervision/cases").then().statusCode(200).body("items.id", hasItem(doneCase));
        given().auth().oauth2(office).contentType("application/json").body(Map.of("comment", "x"))
                .when().post("/api/v1/cases/" + doneCase + "/chases").then().statusCode(409);
        given().auth().oauth2(supervisor()).queryParam("view", "SOMETHING").when().get("/api/v1/supervision/cases").then().statusCode(400);

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil(bootstrapServers, "cases",
                r -> count(r, suggestion, "case.chased.v1") >= 1, Duration.ofSeconds(30));
        assertEquals(1, count(events, suggestion, "case.chased.v1"));
    }

    @Test
    void theCongressOfficeApprovesAnExtensionAndTheDeadlineMoves() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        LocalDate due = LocalDate.now(SHANGHAI).plusDays(20);
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", due)));
        }
        String id = awaitCase(suggestion, unit);
        given().auth().oauth2(office(unit)).contentType("application/json")
                .body(Map.of("requestedDueOn", due.minusDays(1).toString(), "reason", "x"))
                .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(400);
        String requestId = given().auth().oauth2(office(unit)).contentType("application/json")
                .body(Map.of("requestedDueOn", due.plusMonths(1).toString(), "reason", "需等待平台升级"))
                .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        given().auth().oauth2(office(unit)).contentType("application/json")
                .body(Map.of("requestedDueOn", due.plusMonths(2).toString(), "reason", "再延"))
                .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(409);
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("decision", "APPROVE"))
                .when().post("/api/v1/cases/" + id + "/extension-requests/" + requestId + "/decision").then().statusCode(403);
        String npc = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();
        given().auth().oauth2(npc).contentType("application/json").body(Map.of("decision", "APPROVE", "comment", "同意延期"))
                .when().post("/api/v1/cases/" + id + "/extension-requests/" + requestId + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        read(id, office(unit)).then().body("dueOn", equalTo(due.plusMonths(1).toString()));
        List<ConsumerRecord<String, String>> extended = TopicReader.readUntil(bootstrapServers, "cases",
                r -> count(r, suggestion, "case.deadline-extended.v1") >= 1, Duration.ofSeconds(30));
        String event = extended.stream().filter(r -> suggestion.equals(r.key())
                && "case.deadline-extended.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow().value();
        assertTrue(event.contains("\"dueOn\":\"" + due.plusMonths(1) + "\"") && event.contains("\"previousDueOn\":\"" + due + "\""), event);
        given().auth().oauth2(npc).contentType("application/json").body(Map.of("decision", "REJECT"))
                .when().post("/api/v1/cases/" + id + "/extension-requests/" + requestId + "/decision").then().statusCode(409);
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().body("valid", equalTo(true));
    }

    @Test
    void aReplyNotEvaluatedInTimeIsRemindedOnceThenRecordedAsNotEvaluatedOnce() throws Exception {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(SHANGHAI).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        toReplied(id, unit);

        clock.advance(Duration.ofDays(25)); // 5 days of the 30-day evaluation window left
        runTwiceConcurrently();
        runTwiceConcurrently();
        assertEquals(List.of("EVALUATION_REMINDER"), notices(id));

        clock.advance(Duration.ofDays(10)); // the window has closed without an evaluation
        runTwiceConcurrently();
        runTwiceConcurrently();
        assertEquals(List.of("EVALUATION_CLOSED", "EVALUATION_REMINDER"), notices(id));
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("EVALUATION_WINDOW_CLOSED"));
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().body("valid", equalTo(true));

        TopicReader.readUntil(bootstrapServers, "cases", r -> count(r, suggestion, "case.evaluation-window-closed.v1") >= 1,
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> events = TopicReader.readUntil(bootstrapServers, "cases", r -> false, Duration.ofSeconds(2));
        assertEquals(1, count(events, suggestion, "case.evaluation-reminder.v1"));
        assertEquals(1, count(events, suggestion, "case.evaluation-window-closed.v1"));
        String closed = events.stream().filter(r -> suggestion.equals(r.key())
                && "case.evaluation-window-closed.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow().value();
        assertTrue(closed.contains("\"evaluation\":\"NOT_EVALUATED\""), closed);
    }

    private void runTwiceConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<Integer>) supervision::scan));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> notices(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "SELECT notice FROM deadline_notice WHERE case_id = :id ORDER BY notice").setParameter("id", UUID.fromString(caseId))
                .getResultList());
    }

    private static long count(List<ConsumerRecord<String, String>> records, String suggestion, String type) {
        return records.stream().filter(r -> suggestion.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type"))).count();
    }
}
