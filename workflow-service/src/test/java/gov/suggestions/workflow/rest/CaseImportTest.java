package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.ValidatableResponse;

/**
 * A unit adopting the suite imports its past and in-flight cases with the steps they went through on the old
 * platform: each step passes the live rules with its real date, is marked imported in the history, and the same
 * import again changes nothing; a refused step leaves its case exactly as it was.
 * <p>
 * Over 400 lines on purpose: each rule of the import is a test over the same import fixtures.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseImportTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL);
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String MIGRATOR = "migrator-1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper objectMapper;

    private record PastCase(String id, String suggestion, String number, String unit) {
    }

    /** A case of a fresh unit, opened by suggestion.assigned.v1 with a past assignedOn, as suggestion-service's import publishes it. */
    private PastCase assigned(LocalDate assignedOn, LocalDate dueOn, String role) {
        return assigned(assignedOn, dueOn, role, true);
    }

    private PastCase assigned(LocalDate assignedOn, LocalDate dueOn, String role, boolean imported) {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String number = "2021" + suggestion.substring(0, 4);
        String json = "{" + CaseDriver.header(suggestion, number, "ORDINARY") + ",\"assignedOn\":\"" + assignedOn
                + "\",\"units\":[" + CaseDriver.unit(unit, role, dueOn) + "]" + (imported ? ",\"imported\":true" : "") + "}";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("suggestions", suggestion, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.assigned.v1", json);
        }
        return new PastCase(awaitCase(suggestion, unit), suggestion, number, unit);
    }

    private static String migrator() {
        return TestTokens.role("data-migrator").congressBody(BODY).subject(MIGRATOR).sign();
    }

    private static Map<String, Object> step(String kind, String actor, Object... fields) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", kind);
        step.put("actor", actor);
        for (int i = 0; i < fields.length; i += 2) {
            step.put((String) fields[i], fields[i + 1]);
        }
        return step;
    }

    private static Map<String, Object> distribution(String day) {
        Map<String, Object> step = step("DISTRIBUTION", "办公室张某", "distributedOn", day);
        DISTRIBUTION.forEach(step::putIfAbsent);
        step.put("internalDeadline", LocalDate.parse(day).plusMonths(2).toString());
        return step;
    }

    private static Map<String, Object> communication(String day) {
        Map<String, Object> step = step("COMMUNICATION", "李某", "occurredAt", day + "T10:00:00+08:00");
        phoneCall().forEach((k, v) -> step.putIfAbsent(k, v));
        step.put("occurredAt", day + "T10:00:00+08:00");
        return step;
    }

    private static Map<String, Object> reply(String issuedOn, String documentNumber) {
        Map<String, Object> step = step("REPLY", "办公室张某", "category", "A", "content", "王某某代表:您提出的建议收悉,已解决。",
                "contacts", List.of(Map.of("name", "李某", "title", "数据资源处处长", "phone", "0755-88100000")),
                "disclosure", "PUBLIC", "issuedOn", issuedOn);
        if (documentNumber != null) {
            step.put("documentNumber", documentNumber);
        }
        return step;
    }

    private static Map<String, Object> evaluation(String result, String day) {
        return step("EVALUATION", "王某某", "result", result, "evaluatedOn", day, "comments", "答复认真");
    }

    private static Map<String, Object> importing(PastCase c, String sourceRecord, List<Map<String, Object>> steps) {
        return Map.of("sourceRecord", sourceRecord, "suggestionNumber", c.number(), "unitCode", c.unit(), "steps", steps);
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json").body(body)
                .when().post("/api/v1/case-imports").then();
    }

    private static ValidatableResponse importOne(Map<String, Object> imported) {
        return post(migrator(), Map.of("cases", List.of(imported))).statusCode(200).body("results.size()", equalTo(1))
                .body("results[0].index", equalTo(0));
    }

    private static List<Map<String, Object>> history(PastCase c) {
        return given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history").then().statusCode(200)
                .extract().path("");
    }

    private static void historyIsValid(PastCase c) {
        given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aFinishedSoleCaseIsImportedWithItsDatesAndNumber_andTheSameImportAgainChangesNothing() throws IOException {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        String number = "深旧函〔2021〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
        String source = "old:2021/" + c.number() + "/" + c.unit();
        Map<String, Object> imported = importing(c, source, List.of(distribution("2021-05-12"), communication("2021-05-20"),
                reply("2021-06-20", number), evaluation("SATISFIED", "2021-07-01"), step("CONCLUSION", "办公室张某", "concludedOn", "2021-07-02")));

        importOne(imported).body("results[0].outcome", equalTo("IMPORTED")).body("results[0].caseId", equalTo(c.id()))
                .body("results[0].sourceRecord", equalTo(source)).body("results[0].stepsApplied", equalTo(5))
                .body("results[0].stepsUnchanged", equalTo(0)).body("results[0].field", nullValue());

        read(c.id(), office(c.unit())).then().statusCode(200)
                .body("state", equalTo("CONCLUDED")).body("concludedOn", equalTo("2021-07-02"))
                .body("distribution.distributedOn", equalTo("2021-05-12"))
                .body("replies[0].issuedOn", equalTo("2021-06-20")).body("replies[0].documentNumber", equalTo(number))
                .body("replies[0].onTime", equalTo(true)).body("evaluations[0].evaluatedOn", equalTo("2021-07-01"));

        // every entry after the opening is marked imported, the steps' actors are the old platform's, the chain holds
        List<Map<String, Object>> history = history(c);
        assertTrue(history.size() > 10, "draft, submission, four approvals and the rest: " + history.size());
        for (Map<String, Object> entry : history.subList(1, history.size())) {
            JsonNode detail = objectMapper.readTree(String.valueOf(entry.get("detail")));
            JsonNode mark = detail.path("imported");
            assertEquals(MIGRATOR, mark.path("by").asText(), entry.toString());
            assertEquals(source, mark.path("sourceRecord").asText(), entry.toString());
        }
        Map<String, Map<String, Object>> byAction = new LinkedHashMap<>();
        history.forEach(e -> byAction.putIfAbsent((String) e.get("action"), e));
        assertEquals("办公室张某", byAction.get("DISTRIBUTE").get("actor"));
        assertEquals("李某", byAction.get("RECORD_COMMUNICATION").get("actor"));
        assertEquals("王某某", byAction.get("EVALUATE").get("actor"));
        assertEquals(2, objectMapper.readTree((String) byAction.get("ISSUE_REPLY").get("detail")).path("imported").path("step").asInt());
        assertEquals(2, objectMapper.readTree((String) byAction.get("APPROVE_REVIEW").get("detail")).path("imported").path("step").asInt());
        historyIsValid(c);

        // the events are those of live steps, flagged imported
        Map<String, JsonNode> events = events(c.suggestion(), List.of("case.distributed.v1", "case.replied.v1", "case.concluded.v1"));
        assertTrue(events.get("case.replied.v1").path("imported").asBoolean(), events.get("case.replied.v1").toString());
        assertEquals(number, events.get("case.replied.v1").path("documentNumber").asText());
        assertEquals("2021-06-19T16:00:00Z", events.get("case.replied.v1").path("occurredAt").asText());
        assertTrue(events.get("case.concluded.v1").path("imported").asBoolean());

        // the same request again: nothing applied, nothing written
        String etag = read(c.id(), supervisor()).then().extract().header("ETag");
        importOne(imported).body("results[0].outcome", equalTo("UNCHANGED")).body("results[0].caseId", equalTo(c.id()))
                .body("results[0].stepsApplied", equalTo(0)).body("results[0].stepsUnchanged", equalTo(5));
        assertEquals(history.size(), history(c).size());
        read(c.id(), supervisor()).then().header("ETag", equalTo(etag));
        historyIsValid(c);
    }

    @Test
    void aCaseOpenedFromAnImportedAssignmentSaysSoAndIsDatedOnTheAssignmentsDay() {
        PastCase imported = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE", true);
        JsonNode opened = events(imported.suggestion(), List.of("case.opened.v1")).get("case.opened.v1");
        assertTrue(opened.path("imported").asBoolean(), opened.toString());
        assertEquals("2021-05-09T16:00:00Z", opened.path("occurredAt").asText());
        assertEquals("2021-05-10", opened.path("assignedOn").asText());

        PastCase live = assigned(LocalDate.now(ZONE), LocalDate.now(ZONE).plusMonths(3), "SOLE", false);
        JsonNode liveOpened = events(live.suggestion(), List.of("case.opened.v1")).get("case.opened.v1");
        assertTrue(liveOpened.path("imported").isMissingNode(), liveOpened.toString());
    }

    @Test
    void anInFlightCaseGoesOnLiveFromWhereItStood() {
        LocalDate today = LocalDate.now(ZONE);
        PastCase c = assigned(today.minusDays(20), today.plusMonths(2), "SOLE");
        importOne(importing(c, "old:inflight/" + c.unit(), List.of(distribution(today.minusDays(18).toString()),
                communication(today.minusDays(15).toString()))))
                .body("results[0].outcome", equalTo("IMPORTED")).body("results[0].stepsApplied", equalTo(2));
        read(c.id(), office(c.unit())).then().statusCode(200).body("state", equalTo("COMMUNICATING"))
                .body("dueOn", equalTo(today.plusMonths(2).toString()))
                .body("distribution.distributedOn", equalTo(today.minusDays(18).toString()))
                .body("communicationsThisRound", equalTo(1));
        given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/assisting-opinions").then().statusCode(200)
                .body("[0].dueOn", equalTo(today.minusDays(18).plusMonths(1).toString()));

        // the unit goes on live: the leader in charge named by the imported distribution decides his step in person
        act(c.id(), handler(c.unit()), "drafts", draft("A", "已解决")).statusCode(201);
        act(c.id(), handler(c.unit()), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(c.id(), c.unit());
        act(c.id(), office(c.unit()), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200)
                .body("state", equalTo("REPLIED")).body("replies[0].onTime", equalTo(true));
        List<Map<String, Object>> history = history(c);
        assertTrue(String.valueOf(history.get(2).get("detail")).contains("\"imported\""), history.get(2).toString());
        assertTrue(!String.valueOf(history.get(history.size() - 1).get("detail")).contains("\"imported\""), "the live reply is not imported");
        historyIsValid(c);
    }

    @Test
    void anUnsatisfiedEvaluationStartsTheRehandlingAndTheNextReplyIsTheRehandledOne() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        importOne(importing(c, "old:rehandled/" + c.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"),
                reply("2021-06-20", null), evaluation("UNSATISFIED", "2021-07-01"), communication("2021-07-02"),
                reply("2021-07-05", null), evaluation("BASICALLY_SATISFIED", "2021-07-10"))))
                .body("results[0].outcome", equalTo("IMPORTED")).body("results[0].stepsApplied", equalTo(7));
        read(c.id(), office(c.unit())).then().statusCode(200).body("state", equalTo("EVALUATED")).body("round", equalTo(2))
                .body("dueOn", equalTo("2021-08-01"))
                .body("replies.size()", equalTo(2)).body("replies[1].issuedOn", equalTo("2021-07-05")).body("replies[1].round", equalTo(2))
                .body("replies[0].documentNumber", org.hamcrest.Matchers.containsString("2021"))
                .body("evaluations[0].result", equalTo("UNSATISFIED")).body("evaluations[1].result", equalTo("BASICALLY_SATISFIED"));
        List<Map<String, Object>> history = history(c);
        Map<String, Object> rehandling = history.stream().filter(e -> "START_REHANDLING".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals("system", rehandling.get("actor"));
        assertTrue(String.valueOf(rehandling.get("detail")).contains("\"step\":3"), rehandling.toString());
        historyIsValid(c);
    }

    @Test
    void aReplyNumberedLikeTheUnitsSequenceIsKept_andTheSequencePassesOverIt() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        // an unconfigured unit's numbers read "<unit code>〔<year>〕<seq>号": the old platform's first letter took the sequence's first number
        String first = c.unit() + "〔2021〕1号";
        importOne(importing(c, "old:numbered/" + c.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"),
                reply("2021-06-20", first), evaluation("UNSATISFIED", "2021-07-01"), communication("2021-07-02"), reply("2021-07-05", null))))
                .body("results[0].outcome", equalTo("IMPORTED"));
        read(c.id(), office(c.unit())).then().statusCode(200).body("replies[0].documentNumber", equalTo(first))
                .body("replies[1].documentNumber", equalTo(c.unit() + "〔2021〕2号"));

        // a number another letter has is refused, naming the field
        PastCase other = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        importOne(importing(other, "old:taken/" + other.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"),
                reply("2021-06-20", first)))).body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].field", equalTo("steps[2].documentNumber"));
        read(other.id(), supervisor()).then().body("state", equalTo("ASSIGNED"));
    }

    @Test
    void anApprovedExtensionMovesTheDeadline_soAReplyAfterTheFirstOneIsOnTime_andBadExtensionsAreRejectedNamingTheirField() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        Map<String, Object> extension = step("EXTENSION", "办公室张某", "requestedDueOn", "2021-09-10", "reason", "需跨部门协调",
                "requestedOn", "2021-07-20", "decidedOn", "2021-07-22", "comment", "同意延期");
        importOne(importing(c, "old:extended/" + c.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"), extension,
                reply("2021-08-25", null))))
                .body("results[0].outcome", equalTo("IMPORTED")).body("results[0].stepsApplied", equalTo(4));
        read(c.id(), office(c.unit())).then().statusCode(200).body("dueOn", equalTo("2021-09-10"))
                .body("replies[0].onTime", equalTo(true));
        Map<String, JsonNode> sent = events(c.suggestion(), List.of("case.deadline-extended.v1", "case.replied.v1"));
        JsonNode extended = sent.get("case.deadline-extended.v1");
        assertEquals("2021-08-10", extended.path("previousDueOn").asText());
        assertEquals("2021-09-10", extended.path("dueOn").asText());
        assertTrue(extended.path("imported").asBoolean(), extended.toString());
        assertEquals("办公室张某", extended.path("actor").asText(), "who decided on the old platform, not the migrator");
        assertEquals("办公室张某", extended.path("requestedBy").asText());
        assertEquals(true, sent.get("case.replied.v1").path("onTime").asBoolean(false));
        List<Map<String, Object>> history = history(c);
        List<Object> actions = history.stream().map(e -> e.get("action")).toList();
        assertTrue(actions.containsAll(List.of("REQUEST_EXTENSION", "APPROVE_EXTENSION")), actions.toString());
        history.stream().filter(e -> String.valueOf(e.get("action")).endsWith("_EXTENSION")).forEach(e -> {
            assertTrue(String.valueOf(e.get("detail")).contains("\"step\":2"), e.toString());
            assertEquals("办公室张某", e.get("actor"), e.toString());
        });
        historyIsValid(c);

        // decided before it was asked for; a deadline not later than the one in force; asked before the assignment
        for (Object[] bad : List.of(new Object[] { "decidedOn", "2021-07-19", "steps[2].decidedOn" },
                new Object[] { "requestedDueOn", "2021-08-10", "steps[2].requestedDueOn" },
                new Object[] { "requestedOn", "2021-05-01", "steps[2].requestedOn" })) {
            PastCase refused = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
            Map<String, Object> wrong = new LinkedHashMap<>(extension);
            wrong.put((String) bad[0], bad[1]);
            importOne(importing(refused, "old:bad-extension/" + refused.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"),
                    wrong))).body("results[0].outcome", equalTo("REJECTED")).body("results[0].field", equalTo(bad[2]));
            read(refused.id(), supervisor()).then().body("state", equalTo("ASSIGNED")).body("dueOn", equalTo("2021-08-10"));
        }
    }

    @Test
    void aJointOpinionSentAfterTheJointDeadlineIsLate() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-06-10"), "JOINT");
        importOne(importing(c, "old:joint/" + c.unit(), List.of(distribution("2021-05-15"),
                step("JOINT_OPINION", "办公室张某", "content", "我委支持", "sentOn", "2021-06-11"))))
                .body("results[0].outcome", equalTo("IMPORTED")).body("results[0].stepsApplied", equalTo(2));
        read(c.id(), office(c.unit())).then().statusCode(200).body("state", equalTo("OPINION_SENT"));
        JsonNode sent = events(c.suggestion(), List.of("case.opinion-sent.v1")).get("case.opinion-sent.v1");
        assertEquals("2021-06-11", sent.path("sentOn").asText());
        assertEquals(false, sent.path("onTime").asBoolean(true));
        assertTrue(sent.path("imported").asBoolean());
        historyIsValid(c);
    }

    @Test
    void aRefusedStepRejectsItsCaseAndLeavesItExactlyAsItWas_otherCasesAreImported() {
        PastCase bad = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        PastCase future = assigned(LocalDate.now(ZONE).minusDays(10), LocalDate.now(ZONE).plusMonths(2), "SOLE");
        PastCase good = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        String badTag = read(bad.id(), supervisor()).then().extract().header("ETag");
        String futureTag = read(future.id(), supervisor()).then().extract().header("ETag");

        post(migrator(), Map.of("cases", List.of(
                importing(bad, "old:bad/" + bad.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"), reply("2021-05-11", null))),
                importing(future, "old:future/" + future.unit(), List.of(distribution(LocalDate.now(ZONE).plusDays(2).toString()))),
                importing(good, "old:good/" + good.unit(), List.of(distribution("2021-05-12"))))))
                .statusCode(200).body("results.size()", equalTo(3))
                .body("results[0].outcome", equalTo("REJECTED")).body("results[0].caseId", equalTo(bad.id()))
                .body("results[0].field", equalTo("steps[2].issuedOn"))
                .body("results[0].reason", equalTo("issuedOn 2021-05-11 is before the distribution on 2021-05-12"))
                .body("results[0].stepsApplied", equalTo(0))
                .body("results[1].outcome", equalTo("REJECTED")).body("results[1].field", equalTo("steps[0].distributedOn"))
                .body("results[1].reason", org.hamcrest.Matchers.containsString("is in the future"))
                .body("results[2].outcome", equalTo("IMPORTED")).body("results[2].index", equalTo(2));

        // nothing of the rejected cases changed: no distribution either
        read(bad.id(), office(bad.unit())).then().statusCode(200).header("ETag", equalTo(badTag)).body("state", equalTo("ASSIGNED"))
                .body("distribution.distributedOn", nullValue()).body("communicationsThisRound", equalTo(0));
        assertEquals(1, history(bad).size());
        read(future.id(), supervisor()).then().header("ETag", equalTo(futureTag)).body("state", equalTo("ASSIGNED"));
        read(good.id(), supervisor()).then().body("state", equalTo("DISTRIBUTED"));

        // the corrected record imports; the same source record with a changed step is refused
        importOne(importing(bad, "old:bad/" + bad.unit(), List.of(distribution("2021-05-12"), communication("2021-05-20"), reply("2021-06-01", null))))
                .body("results[0].outcome", equalTo("IMPORTED")).body("results[0].stepsApplied", equalTo(3));
        importOne(importing(bad, "old:bad/" + bad.unit(), List.of(distribution("2021-05-12"), communication("2021-05-21"))))
                .body("results[0].outcome", equalTo("REJECTED")).body("results[0].field", equalTo("steps[1]"));
        read(bad.id(), supervisor()).then().body("state", equalTo("REPLIED")).body("replies[0].issuedOn", equalTo("2021-06-01"));
    }

    @Test
    void aStepMissingItsDateOrActor_orCarryingAnotherKindsField_isRejectedNamingIt() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        Map<String, Object> undated = new HashMap<>(distribution("2021-05-12"));
        undated.remove("distributedOn");
        Map<String, Object> withoutActor = new HashMap<>(distribution("2021-05-12"));
        withoutActor.remove("actor");
        Map<String, Object> mixed = new HashMap<>(distribution("2021-05-12"));
        mixed.put("issuedOn", "2021-06-01");
        Map<String, Object> unbounded = new HashMap<>(distribution("2021-05-12"));
        unbounded.remove("undertakingDepartment");
        post(migrator(), Map.of("cases", List.of(importing(c, "old:a", List.of(undated)), importing(c, "old:b", List.of(withoutActor)),
                importing(c, "old:c", List.of(mixed)), importing(c, "old:d", List.of(unbounded))))).statusCode(200)
                .body("results.outcome", equalTo(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results.field", equalTo(List.of("steps[0].distributedOn", "steps[0].actor", "steps[0].issuedOn", "steps[0].undertakingDepartment")));
        read(c.id(), supervisor()).then().body("state", equalTo("ASSIGNED"));
    }

    @Test
    void aCaseNotOpenYet_orOfAnotherBody_isNotOpen_andOnlyTheMigratorMayImport() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        Map<String, Object> unknown = Map.of("sourceRecord", "old:unknown", "suggestionNumber", "1999" + UUID.randomUUID().toString().substring(0, 4),
                "unitCode", c.unit(), "steps", List.of(distribution("2021-05-12")));
        importOne(unknown).body("results[0].outcome", equalTo("NOT_OPEN")).body("results[0].caseId", nullValue())
                .body("results[0].stepsApplied", equalTo(0)).body("results[0].reason", org.hamcrest.Matchers.containsString("retry later"));

        Map<String, Object> imported = importing(c, "old:other-body", List.of(distribution("2021-05-12")));
        post(TestTokens.role("data-migrator").congressBody("shenzhen-cppcc").subject(MIGRATOR).sign(), Map.of("cases", List.of(imported)))
                .statusCode(200).body("results[0].outcome", equalTo("NOT_OPEN")).body("results[0].caseId", nullValue());
        post(office(c.unit()), Map.of("cases", List.of(imported))).statusCode(403);
        post(TestTokens.role("data-migrator").subject(MIGRATOR).sign(), Map.of("cases", List.of(imported))).statusCode(403);
        read(c.id(), supervisor()).then().body("state", equalTo("ASSIGNED"));
        // the migrator does nothing else
        act(c.id(), office(c.unit()), "distribution", DISTRIBUTION).statusCode(200);
        given().auth().oauth2(migrator()).when().get("/api/v1/cases/" + c.id()).then().statusCode(403);
    }

    @Test
    void aMalformedBodyAnswers400() {
        post(migrator(), Map.of()).statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("cases"));
        post(migrator(), Map.of("cases", List.of())).statusCode(400).body("violations[0].field", equalTo("cases"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(Map.of("sourceRecord", "old:" + i, "suggestionNumber", "2021" + i, "unitCode", "sz-zsj", "steps", List.of(distribution("2021-05-12"))));
        }
        post(migrator(), Map.of("cases", many)).statusCode(400).body("violations[0].field", equalTo("cases"));
        post(migrator(), Map.of("cases", List.of(Map.of("suggestionNumber", "20210001", "unitCode", "sz-zsj", "steps", List.of(distribution("2021-05-12"))))))
                .statusCode(400).body("violations[0].field", equalTo("cases[0].sourceRecord"));
        post(migrator(), Map.of("cases", List.of(Map.of("sourceRecord", "old:1", "suggestionNumber", "20210001", "unitCode", "sz-zsj"))))
                .statusCode(400).body("violations[0].field", equalTo("cases[0].steps"));
        post(migrator(), Map.of("cases", List.of(Map.of("sourceRecord", "old:1", "suggestionNumber", "20210001", "unitCode", "sz-zsj",
                "steps", List.of(step("CHASE", "张某")))))).statusCode(400).contentType("application/problem+json");
        Map<String, Object> kindless = new HashMap<>(distribution("2021-05-12"));
        kindless.remove("step");
        post(migrator(), Map.of("cases", List.of(Map.of("sourceRecord", "old:1", "suggestionNumber", "20210001", "unitCode", "sz-zsj",
                "steps", List.of(kindless))))).statusCode(400).body("violations[0].field", equalTo("cases[0].steps[0].step"));
    }

    @Test
    void hostileValuesInAStepNeverAnswer5xx_andAreRejectedOrRefusedAsAProblem() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        List<Object> hostile = java.util.Arrays.asList(null, 1, true, "", "x".repeat(3000), List.of(), Map.of(), "+999999999-12-31",
                "' OR 1=1 --");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String kind : List.of("REPLY", "DISTRIBUTION")) {
            Map<String, Object> valid = kind.equals("REPLY") ? reply("2021-06-20", "旧函〔2021〕" + UUID.randomUUID() + "号") : distribution("2021-05-12");
            for (String field : valid.keySet()) {
                for (Object value : hostile) {
                    Map<String, Object> step = new HashMap<>(valid);
                    step.put(field, value);
                    var answer = post(migrator(), Map.of("cases", List.of(importing(c, "old:hostile/" + n++, List.of(step))))).extract();
                    if (answer.statusCode() >= 500 || answer.statusCode() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                        failures.add(kind + "." + field + "=" + value + " → " + answer.statusCode() + " " + answer.asString());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private Map<String, JsonNode> events(String suggestion, List<String> types) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "cases",
                read -> byType(read, suggestion).keySet().containsAll(types), Duration.ofSeconds(30));
        return byType(records, suggestion);
    }

    private Map<String, JsonNode> byType(List<ConsumerRecord<String, String>> records, String suggestion) {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (suggestion.equals(record.key())) {
                try {
                    last.put(TopicReader.header(record, "ce_type"), objectMapper.readTree(record.value()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return last;
    }
}
