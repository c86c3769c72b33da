package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** One symposium (座谈会) for several suggestions of a unit: recorded once, counted by every case it served, all or nothing. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SharedCommunicationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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
    }

    private String distributedCase(String unit, String role) {
        String suggestion = UUID.randomUUID().toString();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, role, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        return id;
    }

    private static Map<String, Object> symposium(List<String> caseIds) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "SYMPOSIUM", "occurredAt", startOfToday(),
                "participants", List.of(Map.of("name", "王副局长", "title", "副局长", "leader", true)),
                "summary", "在政务服务大厅召开座谈会,逐件沟通办理思路", "deputyViews", "希望加快进度"));
        body.put("caseIds", caseIds);
        return body;
    }

    @Test
    void aCommunicationDatedInTheFutureIsRefusedNamingOccurredAtAndNothingIsRecorded() {
        String unit = unitCode();
        String first = distributedCase(unit, "SOLE");
        String second = distributedCase(unit, "SEPARATE");
        String tomorrow = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(1).toString();
        Map<String, Object> shared = symposium(List.of(first, second));
        shared.put("occurredAt", tomorrow);
        given().auth().oauth2(handler(unit)).contentType("application/json").body(shared)
                .when().post("/api/v1/communications").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("occurredAt"));
        Map<String, Object> single = new HashMap<>(phoneCall());
        single.put("occurredAt", tomorrow);
        act(first, handler(unit), "communications", single).statusCode(400).body("violations[0].field", equalTo("occurredAt"));
        for (String id : List.of(first, second)) {
            given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().statusCode(200).body("", hasSize(0));
        }
        // within the clock skew (5 minutes by default) it is taken: the caller's clock may run a little ahead
        single.put("occurredAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusMinutes(1).toString());
        act(first, handler(unit), "communications", single).statusCode(200);
    }

    @Test
    void oneSymposiumCountsForEveryCaseItServedWithOneEventEachCarryingTheSameCommunication() throws Exception {
        String unit = unitCode();
        String first = distributedCase(unit, "SOLE");
        String second = distributedCase(unit, "SEPARATE");
        // communicate first: neither case may submit a draft yet
        act(first, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(first, handler(unit), "draft-submission", NONE).statusCode(409);

        String communicationId = given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(List.of(first, second)))
                .when().post("/api/v1/communications").then().statusCode(201)
                .body("sharedCaseCount", equalTo(2)).body("kind", equalTo("SYMPOSIUM")).body("cases", hasSize(2))
                .body("cases[0].id", equalTo(first)).body("cases[0].state", equalTo("DRAFTING"))
                .body("cases[1].id", equalTo(second)).body("cases[1].state", equalTo("COMMUNICATING"))
                .extract().path("id");

        for (String id : List.of(first, second)) {
            given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].id", equalTo(communicationId)).body("[0].sharedCaseCount", equalTo(2))
                    .body("[0].round", equalTo(1));
            read(id, handler(unit)).then().body("communicationsThisRound", equalTo(1));
            List<String> actions = given().auth().oauth2(office(unit)).when().get("/api/v1/cases/" + id + "/history")
                    .then().statusCode(200).extract().path("action");
            assertEquals(1, actions.stream().filter("RECORD_COMMUNICATION"::equals).count(), id + " has its own history entry");
        }
        // the symposium counts as each case's communication
        act(first, handler(unit), "draft-submission", NONE).statusCode(200).body("state", equalTo("UNDER_REVIEW"));
        act(second, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(second, handler(unit), "draft-submission", NONE).statusCode(200).body("state", equalTo("UNDER_REVIEW"));

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> recorded = new ArrayList<>();
        TopicReader.readUntil(bootstrapServers, "cases", records -> {
            recorded.clear();
            for (ConsumerRecord<String, String> r : records) {
                if ("case.communication-recorded.v1".equals(TopicReader.header(r, "ce_type"))) {
                    try {
                        JsonNode data = mapper.readTree(r.value());
                        if (communicationId.equals(data.path("communicationId").asText())) {
                            recorded.add(data);
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return recorded.size() >= 2;
        }, Duration.ofSeconds(30));
        assertEquals(2, recorded.size());
        assertEquals(java.util.Set.of(first, second), java.util.Set.of(recorded.get(0).path("caseId").asText(), recorded.get(1).path("caseId").asText()));
        for (JsonNode data : recorded) {
            assertEquals(2, data.path("sharedCaseCount").asInt());
            assertEquals("SYMPOSIUM", data.path("kind").asText());
            assertEquals(true, data.path("leaderParticipated").asBoolean());
        }
    }

    @Test
    void aCaseThatForbidsRecordingAnswers409NamingItAndNothingIsRecordedForAny() {
        String unit = unitCode();
        String ready = distributedCase(unit, "SOLE");
        String suggestion = UUID.randomUUID().toString();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        String notDistributed = awaitCase(suggestion, unit);

        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(List.of(ready, notDistributed)))
                .when().post("/api/v1/communications").then().statusCode(409)
                .body("detail", containsString(notDistributed)).body("detail", containsString("ASSIGNED"));
        // a JOINT case writes an opinion to the lead unit and never communicates with the deputy
        String joint = distributedCase(unit, "JOINT");
        given().auth().oauth2(handler(unit)).header("Accept-Language", "en").contentType("application/json").body(symposium(List.of(ready, joint)))
                .when().post("/api/v1/communications").then().statusCode(409).body("detail", containsString(joint));

        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + ready + "/communications").then().statusCode(200).body("", hasSize(0));
        read(ready, handler(unit)).then().body("state", equalTo("DISTRIBUTED")).body("communicationsThisRound", equalTo(0));
    }

    @Test
    void anotherUnitsCaseIsNotFoundAndNothingIsRecorded() {
        String unit = unitCode();
        String other = unitCode();
        String own = distributedCase(unit, "SOLE");
        String foreign = distributedCase(other, "SOLE");

        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(List.of(own, foreign)))
                .when().post("/api/v1/communications").then().statusCode(404).body("detail", containsString(foreign));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + own + "/communications").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(handler(other)).when().get("/api/v1/cases/" + foreign + "/communications").then().statusCode(200).body("", hasSize(0));
        // roles that do not record communications
        given().auth().oauth2(leader(unit)).contentType("application/json").body(symposium(List.of(own)))
                .when().post("/api/v1/communications").then().statusCode(403);
    }

    @Test
    void theListIsBoundedAndWithoutRepeats() {
        String unit = unitCode();
        String own = distributedCase(unit, "SOLE");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(tooMany))
                .when().post("/api/v1/communications").then().statusCode(400).body("violations[0].field", containsString("caseIds"));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(List.of()))
                .when().post("/api/v1/communications").then().statusCode(400);
        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium(List.of(own, own)))
                .when().post("/api/v1/communications").then().statusCode(400).body("violations[0].field", equalTo("caseIds"));
        read(own, handler(unit)).then().body("state", equalTo("DISTRIBUTED"));
    }
}
