package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import gov.suggestions.workflow.support.SettableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The full path of each role through the HTTP API, with the cases opened from assignment events. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseWorkflowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SettableClock clock;

    CaseDriver driver;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void open() {
        driver = new CaseDriver(bootstrapServers);
    }

    @AfterEach
    void close() {
        driver.close();
        clock.reset();
    }

    @Test
    void soleCaseWithAReturnInReviewAndARehandlingAfterAnUnsatisfiedEvaluation() {
        String suggestion = UUID.randomUUID().toString();
        String unit = "sz-zsj";
        LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3);
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", due)));
        String id = awaitCase(suggestion, unit);
        read(id, office(unit)).then().statusCode(200).body("state", equalTo("ASSIGNED")).body("dueOn", equalTo(due.toString()));

        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200)
                .body("state", equalTo("DISTRIBUTED")).body("distribution.undertakingDepartment", equalTo("数据资源处"));
        act(id, handler(unit), "drafts", draft("C", "因条件限制需以后解决")).statusCode(201).body("version", equalTo(1));
        // communicate first, reply after
        act(id, handler(unit), "draft-submission", NONE).statusCode(409).body("detail", containsString("沟通"));
        given().auth().oauth2(handler(unit)).header("Accept-Language", "en").header("If-Match", etag(id, handler(unit)))
                .contentType("application/json").body(NONE).when().post("/api/v1/cases/" + id + "/draft-submission")
                .then().statusCode(409).body("detail", containsString("no communication with the deputy"));
        act(id, handler(unit), "communications", phoneCall()).statusCode(200).body("state", equalTo("DRAFTING"))
                .body("communicationsThisRound", equalTo(1));
        act(id, handler(unit), "draft-submission", NONE).statusCode(200).body("state", equalTo("UNDER_REVIEW"))
                .body("review.currentStep", equalTo("DEPARTMENT_HEAD"));
        // the office cannot decide a leader's step
        act(id, office(unit), "review-decisions", APPROVE).statusCode(403).body("detail", containsString("DEPARTMENT_HEAD"));
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(409);
        for (int i = 0; i < 3; i++) {
            act(id, leader(unit), "review-decisions", APPROVE).statusCode(200);
        }
        act(id, office(unit), "review-decisions", RETURN).statusCode(200).body("state", equalTo("DRAFTING"));
        act(id, handler(unit), "drafts", draft("B", "正在解决,年内上线")).statusCode(201).body("version", equalTo(2))
                .body("changes.field", hasItems("category", "content"));
        given().auth().oauth2(leader(unit)).when().get("/api/v1/cases/" + id + "/drafts").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].changes.find { it.field == 'category' }.before", equalTo("C"));
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200).body("state", equalTo("REPLIED"))
                .body("replies[0].documentNumber", matchesPattern("深政数函〔" + year + "〕\\d+号"))
                .body("replies[0].onTime", equalTo(true)).body("replies[0].category", equalTo("B"));

        // the category B commitment is tracked until fulfilled, and the deputy sees its progress
        String commitment = given().auth().oauth2(deputy(DEPUTY)).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("IN_PROGRESS")).extract().path("[0].id");
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "已完成招标", "fulfilled", false))
                .when().post("/api/v1/cases/" + id + "/commitments/" + commitment + "/progress").then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "平台二期已上线", "fulfilled", true))
                .when().post("/api/v1/cases/" + id + "/commitments/" + commitment + "/progress").then().statusCode(201)
                .body("status", equalTo("FULFILLED")).body("progress.size()", equalTo(2));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "再报", "fulfilled", false))
                .when().post("/api/v1/cases/" + id + "/commitments/" + commitment + "/progress").then().statusCode(409);
        given().auth().oauth2(deputy("D-9999")).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(404);

        // another deputy cannot even see it; the lead deputy evaluates
        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED", "comments", "措施不具体")).statusCode(200)
                .body("state", equalTo("REHANDLING")).body("round", equalTo(2))
                .body("dueOn", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString()));
        // a new round needs its own communication before its draft goes to review
        act(id, handler(unit), "drafts", draft("A", "已采纳并完成")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(409);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        act(id, office(unit), "reply", Map.of("disclosure", "ON_REQUEST")).statusCode(200).body("replies.size()", equalTo(2));
        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED")).statusCode(200).body("state", equalTo("EVALUATED"));
        act(id, office(unit), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED"));

        List<String> numbers = read(id, office(unit)).then().extract().path("replies.documentNumber");
        assertTrue(sequenceOf(numbers.get(1)) > sequenceOf(numbers.get(0)), "numbers follow the unit's yearly sequence: " + numbers);
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenSeq", nullValue());

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil(bootstrapServers, "cases",
                r -> typesOf(r, suggestion).contains("case.concluded.v1"), Duration.ofSeconds(30));
        assertEquals(List.of("case.opened.v1", "case.distributed.v1", "case.communication-recorded.v1", "case.draft-submitted.v1",
                "case.review-decided.v1", "case.review-decided.v1", "case.review-decided.v1", "case.review-decided.v1",
                "case.draft-submitted.v1", "case.review-decided.v1", "case.review-decided.v1", "case.review-decided.v1",
                "case.review-decided.v1", "case.replied.v1", "case.commitment-updated.v1", "case.commitment-updated.v1",
                "case.evaluated.v1", "case.rehandling-started.v1",
                "case.communication-recorded.v1", "case.draft-submitted.v1", "case.review-decided.v1", "case.review-decided.v1",
                "case.review-decided.v1", "case.review-decided.v1", "case.replied.v1", "case.evaluated.v1", "case.concluded.v1"),
                typesOf(events, suggestion));
        ConsumerRecord<String, String> concluded = events.stream()
                .filter(r -> suggestion.equals(r.key()) && "case.concluded.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow();
        assertEquals("/workflow-service", TopicReader.header(concluded, "ce_source"));
        assertEquals(suggestion, TopicReader.header(concluded, "ce_subject"));
        assertTrue(concluded.value().contains("\"state\":\"CONCLUDED\"") && concluded.value().contains("\"evaluation\":\"SATISFIED\""));
    }

    @Test
    void leadCaseWaitsForItsJointUnitsUntilTheirDeadlinePassesAndShowsTheirOpinionsAndLateness() {
        String suggestion = UUID.randomUUID().toString();
        String lead = unitCode();
        String onTime = unitCode();
        String silent = unitCode();
        LocalDate jointDue = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10);
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(lead, "LEAD", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3)),
                CaseDriver.unit(onTime, "JOINT", jointDue), CaseDriver.unit(silent, "JOINT", jointDue)));
        String leadCase = awaitCase(suggestion, lead);
        String jointCase = awaitCase(suggestion, onTime);
        awaitCase(suggestion, silent);

        act(leadCase, office(lead), "distribution", DISTRIBUTION).statusCode(200);
        act(leadCase, handler(lead), "communications", phoneCall()).statusCode(200);
        act(leadCase, handler(lead), "drafts", draft("A", "已采纳")).statusCode(201);
        act(leadCase, handler(lead), "draft-submission", NONE).statusCode(409)
                .body("detail", containsString("单位" + onTime)).body("detail", containsString("单位" + silent));

        // the joint unit: distribution → opinion draft → shorter review → sent to the lead unit
        act(jointCase, office(onTime), "distribution", DISTRIBUTION).statusCode(200);
        act(jointCase, handler(onTime), "communications", phoneCall()).statusCode(409);
        act(jointCase, handler(onTime), "drafts", Map.of("content", "我委支持该建议,意见如下……")).statusCode(201);
        act(jointCase, handler(onTime), "draft-submission", NONE).statusCode(200).body("review.chain.size()", equalTo(2));
        act(jointCase, leader(onTime), "review-decisions", APPROVE).statusCode(200);
        act(jointCase, office(onTime), "opinion", NONE).statusCode(409);
        act(jointCase, leader(onTime), "review-decisions", APPROVE).statusCode(200).body("review.complete", equalTo(true));
        act(jointCase, office(onTime), "opinion", NONE).statusCode(200).body("state", equalTo("OPINION_SENT"));
        act(jointCase, office(onTime), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED"));

        // one joint unit still silent and within its deadline
        act(leadCase, handler(lead), "draft-submission", NONE).statusCode(409).body("detail", containsString("单位" + silent));
        clock.advance(Duration.ofDays(12));
        act(leadCase, handler(lead), "draft-submission", NONE).statusCode(200);
        read(leadCase, office(lead)).then().statusCode(200)
                .body("jointUnits.find { it.unitCode == '" + onTime + "' }.opinion", containsString("我委支持"))
                .body("jointUnits.find { it.unitCode == '" + onTime + "' }.late", equalTo(false))
                .body("jointUnits.find { it.unitCode == '" + silent + "' }.opinion", nullValue())
                .body("jointUnits.find { it.unitCode == '" + silent + "' }.late", equalTo(true))
                .body("jointUnits.find { it.unitCode == '" + silent + "' }.daysLate", equalTo(2));
        approveDefaultChain(leadCase, lead);
        act(leadCase, office(lead), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200)
                .body("replies[0].documentNumber", matchesPattern(lead + "〔\\d{4}〕1号"));
    }

    @Test
    void separateUnitsEachReplyAndAnUnevaluatedReplyConcludesOnlyAfterTheWindow() {
        String suggestion = UUID.randomUUID().toString();
        String shortChain = "sz-short";
        String other = unitCode();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(shortChain, "SEPARATE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3)),
                CaseDriver.unit(other, "SEPARATE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        String first = awaitCase(suggestion, shortChain);
        String second = awaitCase(suggestion, other);

        // sz-short is configured with a one-step chain (office check only)
        act(first, office(shortChain), "distribution", DISTRIBUTION).statusCode(200);
        act(first, handler(shortChain), "communications", phoneCall()).statusCode(200);
        act(first, handler(shortChain), "drafts", draft("B", "列入计划逐步解决")).statusCode(201);
        act(first, handler(shortChain), "draft-submission", NONE).statusCode(200).body("review.chain", equalTo(List.of("OFFICE_CHECK")));
        act(first, office(shortChain), "review-decisions", APPROVE).statusCode(200).body("review.complete", equalTo(true));
        act(first, office(shortChain), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200);

        toReplied(second, other);
        act(second, office(other), "conclusion", NONE).statusCode(409).body("detail", containsString("评价"));
        clock.advance(Duration.ofDays(31));
        act(second, office(other), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED"));
        given().auth().oauth2(office(other)).when().get("/api/v1/cases/" + second + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("CONCLUDE")).body("[-1].detail", containsString("NOT_EVALUATED"));
        read(first, office(shortChain)).then().body("state", equalTo("REPLIED"));
    }

    @Test
    void aLateReplyIsFlaggedAndAKeySupervisedSuggestionNeedsALeaderAsLeadHandler() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        driver.assign(suggestion, "GOVERNMENT_KEY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5))));
        String id = awaitCase(suggestion, unit);
        Map<String, Object> noLeader = new java.util.HashMap<>(DISTRIBUTION);
        noLeader.remove("leadHandler");
        act(id, office(unit), "distribution", noLeader).statusCode(400).body("violations[0].field", equalTo("leadHandler"));
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200).body("distribution.leadHandler", equalTo("王副局长"));
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        clock.advance(Duration.ofDays(6));
        act(id, office(unit), "reply", Map.of("disclosure", "NOT_DISCLOSED")).statusCode(200).body("replies[0].onTime", equalTo(false));
    }

    @Test
    void assistingDepartmentsAnswerWithinAMonthOfDistribution() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        String id = awaitCase(suggestion, unit);
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("department", "政务服务处", "content", "意见"))
                .when().post("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(409);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(200)
                .body("[0].department", equalTo("政务服务处")).body("[0].late", equalTo(false)).body("[0].content", nullValue())
                .body("[0].dueOn", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString()));
        clock.advance(Duration.ofDays(32));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/assisting-opinions").then().body("[0].late", equalTo(true));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("department", "办公室", "content", "意见"))
                .when().post("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(400).body("violations[0].field", equalTo("department"));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("department", "政务服务处", "content", "建议纳入平台二期"))
                .when().post("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(201)
                .body("[0].content", equalTo("建议纳入平台二期")).body("[0].late", equalTo(true));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("department", "政务服务处", "content", "再交"))
                .when().post("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(409);
        given().auth().oauth2(handler(unitCode())).when().get("/api/v1/cases/" + id + "/assisting-opinions").then().statusCode(404);
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().body("valid", equalTo(true));
    }

    @Test
    void stateChangesNeedTheCurrentETag() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        String id = awaitCase(suggestion, unit);
        String stale = etag(id, office(unit));
        given().auth().oauth2(office(unit)).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(428);
        given().auth().oauth2(office(unit)).header("If-Match", stale).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(200);
        given().auth().oauth2(handler(unit)).header("If-Match", stale).contentType("application/json").body(phoneCall())
                .when().post("/api/v1/cases/" + id + "/communications").then().statusCode(412);
    }

    @Test
    void assignmentIsIdempotentAndReassignmentClosesAndOpensCases() {
        String suggestion = UUID.randomUUID().toString();
        String kept = unitCode();
        String removed = unitCode();
        String added = unitCode();
        String eventId = UUID.randomUUID().toString();
        List<String> units = List.of(CaseDriver.unit(kept, "LEAD", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3)),
                CaseDriver.unit(removed, "JOINT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1)));
        driver.sendAssigned(suggestion, eventId, "ORDINARY", units);
        driver.sendAssigned(suggestion, eventId, "ORDINARY", units);
        driver.assign(suggestion, "ORDINARY", units);
        String removedCase = awaitCase(suggestion, removed);
        String addedUnit = CaseDriver.unit(added, "JOINT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1));
        driver.reassign(suggestion, List.of("{\"unitCode\":\"" + removed + "\",\"role\":\"JOINT\"}"), List.of(addedUnit),
                List.of(units.get(0), addedUnit));
        awaitCase(suggestion, added);
        given().auth().oauth2(supervisor()).queryParam("suggestionId", suggestion).when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(3));
        read(removedCase, office(removed)).then().body("state", equalTo("CLOSED_BY_REASSIGNMENT"));
        act(removedCase, office(removed), "distribution", DISTRIBUTION).statusCode(409);
    }

    private static String etag(String id, String token) {
        return read(id, token).then().statusCode(200).extract().header("ETag");
    }

    private static int sequenceOf(String number) {
        return Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
    }

    static List<String> typesOf(List<ConsumerRecord<String, String>> records, String suggestion) {
        return records.stream().filter(r -> suggestion.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
    }
}
