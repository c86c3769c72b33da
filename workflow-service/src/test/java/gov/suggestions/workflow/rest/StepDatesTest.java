package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.filter.log.LogDetail;

/**
 * Steps entered after they took place (a unit adopting the suite enters a reply signed years ago): each takes the
 * caller's date, refused in the future or before the step it follows, and the dates drive the document number,
 * on-time, the evaluation window, the history and the events.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class StepDatesTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL);
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper objectMapper;

    /** A case of a fresh unit assigned on {@code assignedOn} with its reply (or joint opinion) due on {@code dueOn}. */
    private record PastCase(String id, String suggestion, String unit) {
    }

    private PastCase assigned(LocalDate assignedOn, LocalDate dueOn, String role) {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String json = "{" + CaseDriver.header(suggestion, "2021" + suggestion.substring(0, 4), "ORDINARY") + ",\"assignedOn\":\"" + assignedOn
                + "\",\"units\":[" + CaseDriver.unit(unit, role, dueOn) + "]}";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("suggestions", suggestion, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.assigned.v1", json);
        }
        return new PastCase(awaitCase(suggestion, unit), suggestion, unit);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> call(String day) {
        return with(phoneCall(), "occurredAt", day + "T10:00:00+08:00");
    }

    private static void distribute(PastCase c, String day) {
        act(c.id(), office(c.unit()), "distribution", with(DISTRIBUTION, "distributedOn", day)).statusCode(200);
    }

    /** Drafted, submitted and approved by the whole default chain. */
    private static void reviewed(PastCase c) {
        act(c.id(), handler(c.unit()), "drafts", draft("A", "已解决")).statusCode(201);
        act(c.id(), handler(c.unit()), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(c.id(), c.unit());
    }

    private static void reply(PastCase c, String issuedOn) {
        act(c.id(), office(c.unit()), "reply", Map.of("disclosure", "PUBLIC", "issuedOn", issuedOn)).statusCode(200);
    }

    private static void refused(PastCase c, String token, String step, Object body, String field, String detail) {
        String before = read(c.id(), supervisor()).then().extract().header("ETag");
        int entries = given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history").then().statusCode(200)
                .extract().path("size()");
        String etag = read(c.id(), token).then().statusCode(200).extract().header("ETag");
        var answer = given().auth().oauth2(token).header("If-Match", etag).header("Accept-Language", "en").contentType("application/json")
                .body(body).when().post("/api/v1/cases/" + c.id() + "/" + step).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field));
        if (detail != null) {
            answer.body("detail", containsString(detail));
        }
        // nothing changed: same version, same history
        read(c.id(), supervisor()).then().header("ETag", equalTo(before));
        given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history").then().statusCode(200)
                .body("size()", equalTo(entries));
    }

    private static String inTwoDays() {
        return LocalDate.now(ZONE).plusDays(2).toString();
    }

    @Test
    void aCaseHandledEntirelyInThePastCarriesItsRealDates() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        distribute(c, "2021-05-12");
        act(c.id(), handler(c.unit()), "communications", call("2021-05-20")).statusCode(200);
        reviewed(c);
        reply(c, "2021-06-20");
        read(c.id(), office(c.unit())).then().statusCode(200)
                .body("distribution.distributedOn", equalTo("2021-05-12"))
                .body("replies[0].issuedOn", equalTo("2021-06-20"))
                .body("replies[0].documentNumber", containsString("2021"))
                .body("replies[0].dueOn", equalTo("2021-08-10"))
                .body("replies[0].onTime", equalTo(true));
        // years later, the evaluation dated within the window of the real issue date (30 days) is taken
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", "2021-07-01")).statusCode(200)
                .body("state", equalTo("EVALUATED")).body("evaluations[0].evaluatedOn", equalTo("2021-07-01"));
        act(c.id(), office(c.unit()), "conclusion", Map.of("concludedOn", "2021-07-02")).statusCode(200)
                .body("state", equalTo("CONCLUDED")).body("concludedOn", equalTo("2021-07-02"));

        // the history keeps when each step was recorded and adds the step's own date to the entry
        List<Map<String, Object>> history = given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history")
                .then().statusCode(200).extract().path("");
        Map<String, String> detailOf = new LinkedHashMap<>();
        history.forEach(e -> detailOf.put((String) e.get("action"), String.valueOf(e.get("detail"))));
        assertTrue(detailOf.get("DISTRIBUTE").contains("\"distributedOn\":\"2021-05-12\""), detailOf.get("DISTRIBUTE"));
        assertTrue(detailOf.get("ISSUE_REPLY").contains("\"issuedOn\":\"2021-06-20\""), detailOf.get("ISSUE_REPLY"));
        assertTrue(detailOf.get("EVALUATE").contains("\"evaluatedOn\":\"2021-07-01\""), detailOf.get("EVALUATE"));
        assertTrue(detailOf.get("CONCLUDE").contains("\"concludedOn\":\"2021-07-02\""), detailOf.get("CONCLUDE"));
        String lastAt = (String) history.get(history.size() - 1).get("occurredAt");
        assertTrue(lastAt.startsWith(LocalDate.now(ZONE).toString().substring(0, 4)), "the entry is dated when recorded: " + lastAt);

        // the events carry the dates, and occurredAt is the start of the step's day in Asia/Shanghai
        Map<String, JsonNode> events = events(c.suggestion(), List.of("case.distributed.v1", "case.communication-recorded.v1",
                "case.replied.v1", "case.evaluated.v1", "case.concluded.v1"));
        assertEquals("2021-05-12", events.get("case.distributed.v1").path("distributedOn").asText());
        assertEquals("2021-05-11T16:00:00Z", events.get("case.distributed.v1").path("occurredAt").asText());
        assertEquals("2021-05-19T16:00:00Z", events.get("case.communication-recorded.v1").path("occurredAt").asText());
        JsonNode replied = events.get("case.replied.v1");
        assertEquals("2021-06-20", replied.path("issuedOn").asText());
        assertEquals("2021-06-19T16:00:00Z", replied.path("occurredAt").asText());
        assertTrue(replied.path("onTime").asBoolean());
        assertTrue(replied.path("documentNumber").asText().contains("2021"), replied.path("documentNumber").asText());
        assertEquals("2021-07-01", events.get("case.evaluated.v1").path("evaluatedOn").asText());
        assertEquals("2021-06-30T16:00:00Z", events.get("case.evaluated.v1").path("occurredAt").asText());
        assertEquals("2021-07-02", events.get("case.concluded.v1").path("concludedOn").asText());
        assertEquals("2021-07-01T16:00:00Z", events.get("case.concluded.v1").path("occurredAt").asText());
    }

    @Test
    void aReplyIssuedAfterItsRealDeadlineIsLateAndTheDocumentNumberTakesTheYearOfIssue() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-06-10"), "SOLE");
        distribute(c, "2021-05-12");
        act(c.id(), handler(c.unit()), "communications", call("2021-05-20")).statusCode(200);
        reviewed(c);
        reply(c, "2021-06-20");
        read(c.id(), office(c.unit())).then().statusCode(200)
                .body("replies[0].onTime", equalTo(false))
                .body("replies[0].documentNumber", containsString("2021"));
        assertEquals(false, events(c.suggestion(), List.of("case.replied.v1")).get("case.replied.v1").path("onTime").asBoolean(true));
    }

    @Test
    void stepsDatedToday_orWithoutADate_keepTheirFormerBehaviour() {
        PastCase c = assigned(LocalDate.now(ZONE), LocalDate.now(ZONE).plusMonths(3), "SOLE");
        toReplied(c.id(), c.unit());
        read(c.id(), office(c.unit())).then().statusCode(200)
                .body("distribution.distributedOn", equalTo(LocalDate.now(ZONE).toString()))
                .body("replies[0].issuedOn", equalTo(LocalDate.now(ZONE).toString()))
                .body("replies[0].documentNumber", containsString(String.valueOf(LocalDate.now(ZONE).getYear())));
    }

    @Test
    void aDateInTheFutureIsRefusedOnEveryStepNamingTheFieldAndNothingChanges() {
        String future = inTwoDays();
        PastCase c = assigned(LocalDate.now(ZONE).minusDays(10), LocalDate.now(ZONE).plusMonths(3), "SOLE");
        refused(c, office(c.unit()), "distribution", with(DISTRIBUTION, "distributedOn", future), "distributedOn", "is in the future");
        distribute(c, LocalDate.now(ZONE).minusDays(9).toString());
        refused(c, handler(c.unit()), "communications", with(phoneCall(), "occurredAt", future + "T10:00:00+08:00"), "occurredAt", "is in the future");
        act(c.id(), handler(c.unit()), "communications", call(LocalDate.now(ZONE).minusDays(8).toString())).statusCode(200);
        reviewed(c);
        refused(c, office(c.unit()), "reply", Map.of("disclosure", "PUBLIC", "issuedOn", future), "issuedOn", "is in the future");
        reply(c, LocalDate.now(ZONE).minusDays(5).toString());
        refused(c, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", future), "evaluatedOn", "is in the future");
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", LocalDate.now(ZONE).minusDays(2).toString()))
                .statusCode(200);
        refused(c, office(c.unit()), "conclusion", Map.of("concludedOn", future), "concludedOn", "is in the future");
        act(c.id(), office(c.unit()), "conclusion", NONE).statusCode(200).body("concludedOn", equalTo(LocalDate.now(ZONE).toString()));

        PastCase joint = assigned(LocalDate.now(ZONE).minusDays(10), LocalDate.now(ZONE).plusMonths(1), "JOINT");
        jointReviewed(joint, LocalDate.now(ZONE).minusDays(9).toString());
        refused(joint, office(joint.unit()), "opinion", Map.of("sentOn", future), "sentOn", "is in the future");
        act(joint.id(), office(joint.unit()), "opinion", NONE).statusCode(200);
    }

    private static void jointReviewed(PastCase c, String distributedOn) {
        distribute(c, distributedOn);
        act(c.id(), handler(c.unit()), "drafts", Map.of("content", "我委支持")).statusCode(201);
        act(c.id(), handler(c.unit()), "draft-submission", NONE).statusCode(200);
        act(c.id(), leader(c.unit()), "review-decisions", APPROVE).statusCode(200);
        act(c.id(), leader(c.unit()), "review-decisions", APPROVE).statusCode(200);
    }

    @Test
    void eachStepDatedBeforeTheStepItFollowsIsRefusedNamingTheField() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        refused(c, office(c.unit()), "distribution", with(DISTRIBUTION, "distributedOn", "2021-05-09"), "distributedOn",
                "distributedOn 2021-05-09 is before the assignment on 2021-05-10");
        distribute(c, "2021-05-12");
        refused(c, handler(c.unit()), "communications", call("2021-05-09"), "occurredAt", "before the assignment");
        act(c.id(), handler(c.unit()), "communications", call("2021-05-10")).statusCode(200);
        reviewed(c);
        refused(c, office(c.unit()), "reply", Map.of("disclosure", "PUBLIC", "issuedOn", "2021-05-11"), "issuedOn",
                "issuedOn 2021-05-11 is before the distribution on 2021-05-12");
        reply(c, "2021-06-20");
        refused(c, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED", "evaluatedOn", "2021-06-19"), "evaluatedOn",
                "evaluatedOn 2021-06-19 is before the reply issued on 2021-06-20");
        // unsatisfied: a re-handling with a month from the real evaluation date
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED", "evaluatedOn", "2021-07-01")).statusCode(200)
                .body("state", equalTo("REHANDLING")).body("dueOn", equalTo("2021-08-01"));
        act(c.id(), handler(c.unit()), "communications", call("2021-07-02")).statusCode(200);
        reviewed(c);
        refused(c, office(c.unit()), "reply", Map.of("disclosure", "PUBLIC", "issuedOn", "2021-06-30"), "issuedOn",
                "issuedOn 2021-06-30 is before the evaluation that started the re-handling on 2021-07-01");
        reply(c, "2021-07-05");
        read(c.id(), office(c.unit())).then().body("replies[1].issuedOn", equalTo("2021-07-05")).body("replies[1].onTime", equalTo(true));
        // the evaluation of the new reply follows the new reply, not the first one
        refused(c, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", "2021-07-04"), "evaluatedOn",
                "before the reply issued on 2021-07-05");
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", "2021-07-10")).statusCode(200);
        refused(c, office(c.unit()), "conclusion", Map.of("concludedOn", "2021-07-09"), "concludedOn",
                "concludedOn 2021-07-09 is before the evaluation on 2021-07-10");
        act(c.id(), office(c.unit()), "conclusion", Map.of("concludedOn", "2021-07-10")).statusCode(200);

        PastCase joint = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-06-10"), "JOINT");
        jointReviewed(joint, "2021-05-15");
        refused(joint, office(joint.unit()), "opinion", Map.of("sentOn", "2021-05-14"), "sentOn",
                "sentOn 2021-05-14 is before the distribution on 2021-05-15");
        act(joint.id(), office(joint.unit()), "opinion", Map.of("sentOn", "2021-06-01")).statusCode(200);
        refused(joint, office(joint.unit()), "conclusion", Map.of("concludedOn", "2021-05-31"), "concludedOn",
                "before the joint opinion sent on 2021-06-01");
        act(joint.id(), office(joint.unit()), "conclusion", Map.of("concludedOn", "2021-06-02")).statusCode(200);
    }

    @Test
    void aJointOpinionIsOnTimeByItsRealDate() {
        PastCase late = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-06-10"), "JOINT");
        jointReviewed(late, "2021-05-15");
        act(late.id(), office(late.unit()), "opinion", Map.of("sentOn", "2021-06-11")).statusCode(200);
        JsonNode sent = events(late.suggestion(), List.of("case.opinion-sent.v1")).get("case.opinion-sent.v1");
        assertEquals("2021-06-11", sent.path("sentOn").asText());
        assertEquals(false, sent.path("onTime").asBoolean(true));
        assertEquals("2021-06-10T16:00:00Z", sent.path("occurredAt").asText());
    }

    @Test
    void aReplyLongAgoIsEvaluatedOnlyWithinItsWindowAndConcludedAsNotEvaluatedAfterIt() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        distribute(c, "2021-05-12");
        act(c.id(), handler(c.unit()), "communications", call("2021-05-20")).statusCode(200);
        reviewed(c);
        reply(c, "2021-06-20");
        // evaluated today: years after the window of the real issue date closed (2021-07-20)
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED")).statusCode(409);
        act(c.id(), deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED", "evaluatedOn", "2021-07-21")).statusCode(409);
        refused(c, office(c.unit()), "conclusion", Map.of("concludedOn", "2021-07-20"), "concludedOn", "before the first day after the evaluation window on 2021-07-21");
        act(c.id(), office(c.unit()), "conclusion", Map.of("concludedOn", "2021-07-21")).statusCode(200);
        given().auth().oauth2(office(c.unit())).when().get("/api/v1/cases/" + c.id() + "/history").then().statusCode(200)
                .body("[-1].detail", containsString("NOT_EVALUATED"));
    }

    @Test
    void aCommunicationDatedAfterTheReplyDoesNotOpenTheGate() {
        PastCase c = assigned(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-08-10"), "SOLE");
        distribute(c, "2021-05-12");
        act(c.id(), handler(c.unit()), "communications", call("2021-06-25")).statusCode(200);
        reviewed(c);
        refused(c, office(c.unit()), "reply", Map.of("disclosure", "PUBLIC", "issuedOn", "2021-06-20"), "issuedOn",
                "issuedOn 2021-06-20 is before the first communication with the deputy in this round on 2021-06-25");
        // the communication of the same day counts
        reply(c, "2021-06-25");
        read(c.id(), office(c.unit())).then().body("state", equalTo("REPLIED")).body("replies[0].issuedOn", startsWith("2021-06-25"));
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
