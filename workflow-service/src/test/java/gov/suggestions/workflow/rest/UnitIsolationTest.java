package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Object-level access: a unit sees and acts on its own cases only, a deputy evaluates only their own. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class UnitIsolationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anotherUnitCannotReadListOrActOnTheCase() {
        String suggestion = UUID.randomUUID().toString();
        String unitA = unitCode();
        String unitB = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unitA, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unitA);
        String etag = read(id, office(unitA)).then().statusCode(200).extract().header("ETag");

        for (String token : List.of(office(unitB), leader(unitB), handler(unitB))) {
            read(id, token).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/v1/cases/" + id + "/history").then().statusCode(404);
            given().auth().oauth2(token).queryParam("suggestionId", suggestion).when().get("/api/v1/cases")
                    .then().statusCode(200).body("total", equalTo(0));
        }
        given().auth().oauth2(office(unitB)).header("If-Match", etag).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(404);
        // a token without a unit claim sees nothing either
        read(id, TestTokens.role("unit-office").sign()).then().statusCode(404);
        // the congress office of another body does not see it; its own body does
        read(id, TestTokens.role("congress-office").congressBody("guangzhou-npc").sign()).then().statusCode(404);
        read(id, TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).then().statusCode(200);
        // a handler may not distribute even in its own unit
        given().auth().oauth2(handler(unitA)).header("If-Match", etag).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(403);
        read(id, office(unitA)).then().body("state", equalTo("ASSIGNED"));
        given().auth().oauth2(office(unitA)).when().get("/api/v1/cases").then().statusCode(200)
                .body("items.unitCode", not(hasItem(unitB)));
    }

    @Test
    void onlyTheLeadDeputyEvaluatesTheReply() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        toReplied(id, unit);
        String etag = read(id, office(unit)).then().extract().header("ETag");
        given().auth().oauth2(deputy("D-9999")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("result", "SATISFIED")).when().post("/api/v1/cases/" + id + "/evaluation").then().statusCode(404);
        given().auth().oauth2(office(unit)).header("If-Match", etag).contentType("application/json")
                .body(Map.of("result", "SATISFIED")).when().post("/api/v1/cases/" + id + "/evaluation").then().statusCode(403);
        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "BASICALLY_SATISFIED", "comments", "基本满意",
                "communicationRating", "SATISFIED", "resultRating", "BASICALLY_SATISFIED")).statusCode(200)
                .body("evaluations[0].result", equalTo("BASICALLY_SATISFIED"))
                .body("evaluations[0].communicationRating", equalTo("SATISFIED"));
    }

    @Test
    void anAuditorSeesTheFirstAlteredHistoryEntryThroughTheApi() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(3));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE case_history SET actor = 'someone-else' WHERE case_id = :id AND seq = 2")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(2));
    }

    @Test
    void aCutOffTailIsCaughtToo() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM case_history WHERE case_id = :id AND seq = 2").setParameter("id", UUID.fromString(id)).executeUpdate());
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(2));
    }
}
