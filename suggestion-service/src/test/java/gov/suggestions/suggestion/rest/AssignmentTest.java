package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.fullRegistration;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AssignmentTest {

    /** Today in the service's zone, read per use: a test running across midnight must not give yesterday. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Fresh units, stored through the systems' bulk upsert. */
    private static List<String> units(int count) {
        List<String> codes = new java.util.ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String code = "u-" + UUID.randomUUID().toString().substring(0, 8);
            codes.add(code);
            batch.append(i == 0 ? "" : ",").append("""
                    { "code": "%s", "name": "单位%s", "unifiedSocialCreditCode": "11440300MB2C92413C" }""".formatted(code, code));
        }
        as(TestTokens.role("system").sign()).body(batch.append("]").toString()).when().post("/api/v1/units/bulk").then().statusCode(200);
        return codes;
    }

    private static String register() {
        return asOffice().body(registration(freshNumber(), "D-0117")).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
    }

    private static String assignment(LocalDate on, String... unitsAndRoles) {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < unitsAndRoles.length; i += 2) {
            units.append(i == 0 ? "" : ",").append("{ \"unitCode\": \"%s\", \"role\": \"%s\" }".formatted(unitsAndRoles[i], unitsAndRoles[i + 1]));
        }
        return "{ \"assignedOn\": \"%s\", \"units\": [%s] }".formatted(on, units);
    }

    private static RequestSpecification asUnitOffice(String unit) {
        return as(TestTokens.role("unit-office").unit(unit).sign());
    }

    @Test
    void assignmentComputesDeadlinesPublishesTheEventAndShowsTheSuggestionToItsUnits() throws Exception {
        List<String> u = units(3);
        String id = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(LocalDate.of(2020, 5, 20), u.get(0), "LEAD", u.get(1), "JOINT"))
                .when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("assignedOn", equalTo("2020-05-20"))
                .body("units[0].role", equalTo("LEAD"))
                .body("units[0].replyDue", equalTo("2020-08-20"))
                .body("units[0].jointOpinionDue", nullValue())
                .body("units[1].jointOpinionDue", equalTo("2020-06-20"))
                .body("units[1].replyDue", nullValue());

        asUnitOffice(u.get(1)).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
        asUnitOffice(u.get(1)).when().get("/api/v1/suggestions").then().statusCode(200).body("items.id", contains(id));
        asUnitOffice(u.get(2)).when().get("/api/v1/suggestions/" + id).then().statusCode(404);
        asOffice().queryParam("unit", u.get(1)).queryParam("role", "JOINT").when().get("/api/v1/suggestions")
                .then().statusCode(200).body("items.id", contains(id));
        asOffice().queryParam("unit", u.get(1)).queryParam("role", "LEAD").when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(0));
        // assigned: too late to withdraw, and no second assignment
        asOffice().header("If-Match", "\"1\"").body("{ \"reason\": \"撤回\" }").when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(409);
        asOffice().header("If-Match", "\"1\"").body(assignment(today(), u.get(2), "SOLE"))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(409);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && "suggestion.assigned.v1".equals(TopicReader.header(r, "ce_type"))),
                Duration.ofSeconds(30));
        ConsumerRecord<String, String> event = records.stream()
                .filter(r -> id.equals(r.key()) && "suggestion.assigned.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow();
        JsonNode data = objectMapper.readTree(event.value());
        assertEquals(id, data.get("suggestionId").asText());
        assertEquals("2020-08-20", data.get("units").get(0).get("replyDue").asText());
        assertEquals(u.get(1), data.get("units").get(1).get("unitCode").asText());
        assertEquals("JOINT", data.get("units").get(1).get("role").asText());
    }

    @Test
    void invalidCombinationsAreRefusedWithTheirReason() {
        List<String> u = units(3);
        String id = register();
        String path = "/api/v1/suggestions/" + id + "/assignment";
        Object[][] cases = {
                { assignment(today(), u.get(0), "JOINT", u.get(1), "JOINT"), "JOINT units need a LEAD unit" },
                { assignment(today(), u.get(0), "LEAD", u.get(1), "LEAD"), "only one LEAD" },
                { assignment(today(), u.get(0), "SOLE", u.get(1), "JOINT"), "SOLE unit cannot be combined" },
                { assignment(today(), u.get(0), "LEAD", u.get(1), "SEPARATE"), "SEPARATE units cannot be combined with a LEAD" },
                { assignment(today(), u.get(0), "LEAD", "u-unknown-unit", "JOINT"), "No handling unit u-unknown-unit" },
                { assignment(today(), u.get(0), "LEAD", u.get(1), "JOINT", u.get(1), "JOINT"), "appears twice" } };
        for (Object[] c : cases) {
            asOffice().header("Accept-Language", "en").header("If-Match", "\"0\"").body(c[0]).when().post(path)
                    .then().statusCode(409).body("detail", containsString((String) c[1])).body("violations[0].field", equalTo("units"));
        }
        asOffice().header("If-Match", "\"0\"").body("{ \"units\": [] }").when().post(path).then().statusCode(400);
        asOffice().body(assignment(today(), u.get(0), "SOLE")).when().post(path).then().statusCode(428);
        as(TestTokens.role("unit-office").unit(u.get(0)).sign()).header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "SOLE"))
                .when().post(path).then().statusCode(403);
        // an ordinary suggestion keeps the configured deadline
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "SOLE").replace("}]", "}], \"replyDue\": \"2099-01-01\""))
                .when().post(path).then().statusCode(409).body("violations[0].field", equalTo("replyDue"));
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "SEPARATE", u.get(1), "SEPARATE"))
                .when().post(path).then().statusCode(200).body("units[1].replyDue", equalTo(today().plusMonths(3).toString()));
    }

    @Test
    void anAssignmentDatedInTheFutureOrBeforeTheSubmissionIsRefusedNamingAssignedOnAndChangesNothing() {
        List<String> u = units(1);
        String id = register(); // submitted on 2020-05-10
        String path = "/api/v1/suggestions/" + id + "/assignment";
        asOffice().header("Accept-Language", "en").header("If-Match", "\"0\"").body(assignment(LocalDate.of(2020, 5, 9), u.get(0), "SOLE"))
                .when().post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("assignedOn"))
                .body("detail", containsString("2020-05-10"));
        asOffice().header("If-Match", "\"0\"").body(assignment(today().plusDays(1), u.get(0), "SOLE"))
                .when().post(path).then().statusCode(400).body("violations.field", hasItem("assignedOn"));
        asOffice().when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("state", equalTo("REGISTERED")).body("assignedOn", nullValue()).header("ETag", "\"0\"");
        // the day of the submission itself is in order
        asOffice().header("If-Match", "\"0\"").body(assignment(LocalDate.of(2020, 5, 10), u.get(0), "SOLE"))
                .when().post(path).then().statusCode(200).body("assignedOn", equalTo("2020-05-10"));
    }

    @Test
    void aKeySupervisedSuggestionCarriesItsOwnDeadline() {
        List<String> u = units(1);
        String id = asOffice().body(fullRegistration(freshNumber(), "D-0117", "D-0200", "督办", "STANDING_COMMITTEE_KEY"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        String due = today().plusDays(45).toString();
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "SOLE").replace("}]", "}], \"replyDue\": \"" + due + "\""))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200).body("units[0].replyDue", equalTo(due));
    }

    @Test
    void aUnitRequestsReassignmentAndTheOfficeApprovesChangingTheUnits() throws Exception {
        List<String> u = units(3);
        String id = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "LEAD", u.get(1), "JOINT"))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        String requests = "/api/v1/suggestions/" + id + "/reassignment-requests";

        asUnitOffice(u.get(2)).body("{ \"reason\": \"不属于本单位职责\" }").when().post(requests).then().statusCode(404);
        String requestId = asUnitOffice(u.get(1)).body("{ \"reason\": \"不属于本单位职责\" }").when().post(requests)
                .then().statusCode(201).body("state", equalTo("PENDING")).extract().path("id");
        asUnitOffice(u.get(1)).body("{ \"reason\": \"再次申请\" }").when().post(requests).then().statusCode(409);
        String approval = "{ \"addedUnits\": [ { \"unitCode\": \"%s\", \"role\": \"JOINT\" } ], \"comment\": \"同意\" }".formatted(u.get(2));
        asUnitOffice(u.get(1)).body(approval).when().post(requests + "/" + requestId + "/approval").then().statusCode(403);
        asUnitOffice(u.get(0)).when().get(requests).then().statusCode(200).body("size()", equalTo(0));
        asOffice().when().get(requests).then().statusCode(200).body("id", contains(requestId));

        asOffice().body(approval).when().post(requests + "/" + requestId + "/approval").then().statusCode(200).body("state", equalTo("APPROVED"));
        asOffice().body(approval).when().post(requests + "/" + requestId + "/approval").then().statusCode(409);
        asOffice().when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("units.unitCode", contains(u.get(0), u.get(2)))
                .body("units[1].jointOpinionDue", equalTo(today().plusMonths(1).toString()));
        asUnitOffice(u.get(1)).when().get("/api/v1/suggestions/" + id).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && "suggestion.reassigned.v1".equals(TopicReader.header(r, "ce_type"))),
                Duration.ofSeconds(30));
        JsonNode data = objectMapper.readTree(records.stream()
                .filter(r -> id.equals(r.key()) && "suggestion.reassigned.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow().value());
        assertEquals(u.get(1), data.get("removedUnits").get(0).get("unitCode").asText());
        assertEquals(u.get(2), data.get("addedUnits").get(0).get("unitCode").asText());
        assertEquals("不属于本单位职责", data.get("reason").asText());
        assertEquals(2, data.get("units").size());
    }

    @Test
    void theOfficeRejectsAndTheLeadCannotLeaveItsJointUnitsAlone() {
        List<String> u = units(2);
        String id = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "LEAD", u.get(1), "JOINT"))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        String requests = "/api/v1/suggestions/" + id + "/reassignment-requests";
        String requestId = asUnitOffice(u.get(0)).body("{ \"reason\": \"不属于本单位职责\" }").when().post(requests)
                .then().statusCode(201).extract().path("id");
        // approving without a new lead would leave the joint unit without one
        asOffice().header("Accept-Language", "en").body("{ \"addedUnits\": [] }").when().post(requests + "/" + requestId + "/approval")
                .then().statusCode(409).body("detail", containsString("JOINT units need a LEAD unit"));
        asOffice().body("{ \"comment\": \"属于本单位职责范围\" }").when().post(requests + "/" + requestId + "/rejection")
                .then().statusCode(200).body("state", equalTo("REJECTED"));
        asOffice().when().get("/api/v1/suggestions/" + id).then().body("units.unitCode", contains(u.get(0), u.get(1)));
    }

    @Test
    void anApprovalLeavingMoreThanTwentyUnitsIsRefusedNamingUnits() {
        List<String> u = units(Limits.UNITS + 2);
        String id = register();
        String[] twenty = new String[2 * Limits.UNITS];
        for (int i = 0; i < Limits.UNITS; i++) {
            twenty[2 * i] = u.get(i);
            twenty[2 * i + 1] = i == 0 ? "LEAD" : "JOINT";
        }
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), twenty))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200).body("units.size()", equalTo(Limits.UNITS));
        String requests = "/api/v1/suggestions/" + id + "/reassignment-requests";
        String requestId = asUnitOffice(u.get(1)).body("{ \"reason\": \"不属于本单位职责\" }").when().post(requests)
                .then().statusCode(201).extract().path("id");
        // one unit leaves, two join: 21
        String approval = "{ \"addedUnits\": [ { \"unitCode\": \"%s\", \"role\": \"JOINT\" }, { \"unitCode\": \"%s\", \"role\": \"JOINT\" } ] }"
                .formatted(u.get(Limits.UNITS), u.get(Limits.UNITS + 1));
        asOffice().header("Accept-Language", "en").body(approval).when().post(requests + "/" + requestId + "/approval")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("At most 20 handling units")).body("violations[0].field", equalTo("units"));
        asOffice().when().get("/api/v1/suggestions/" + id).then().body("units.size()", equalTo(Limits.UNITS));
    }

    @Test
    void aSuggestionCollectsAtMostAHundredReassignmentRequests() {
        List<String> u = units(1);
        String id = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(today(), u.get(0), "SOLE"))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        // the requests a unit asked and the office rejected, one after another
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < Limits.REASSIGNMENT_REQUESTS; i++) {
                entityManager.createNativeQuery("""
                        INSERT INTO reassignment_request (id, suggestion_id, unit_code, reason, state, requested_by, requested_at,
                            decided_by, decided_at, decision_comment, version)
                        VALUES (?1, ?2, ?3, '不属于本单位职责', 'REJECTED', 'unit-user', now() - make_interval(secs => ?4), 'office-user', now(), '驳回', 0)""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(id)).setParameter(3, u.get(0))
                        .setParameter(4, Limits.REASSIGNMENT_REQUESTS - i).executeUpdate();
            }
        });
        String requests = "/api/v1/suggestions/" + id + "/reassignment-requests";
        asUnitOffice(u.get(0)).header("Accept-Language", "en").body("{ \"reason\": \"仍不属于本单位职责\" }").when().post(requests)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("100 reassignment requests"));
        asOffice().when().get(requests).then().statusCode(200).body("size()", equalTo(Limits.REASSIGNMENT_REQUESTS));
    }

    @Test
    void afterTheWindowARequestIsRefused() {
        List<String> u = units(1);
        String id = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(today().minusDays(11), u.get(0), "SOLE"))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        asUnitOffice(u.get(0)).header("Accept-Language", "en").body("{ \"reason\": \"不属于本单位职责\" }")
                .when().post("/api/v1/suggestions/" + id + "/reassignment-requests")
                .then().statusCode(409).body("detail", containsString("window"));

        String inside = register();
        asOffice().header("If-Match", "\"0\"").body(assignment(today().minusDays(10), u.get(0), "SOLE"))
                .when().post("/api/v1/suggestions/" + inside + "/assignment").then().statusCode(200);
        asUnitOffice(u.get(0)).body("{ \"reason\": \"不属于本单位职责\" }")
                .when().post("/api/v1/suggestions/" + inside + "/reassignment-requests").then().statusCode(201);
    }
}
