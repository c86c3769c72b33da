package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.fullRegistration;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SuggestionListTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theCompleteModelIsStoredAndReadBack() {
        String lead = fresh("D-");
        String coSigner = fresh("D-");
        String id = asOffice().body(fullRegistration(freshNumber(), lead, coSigner, "智慧城市", "GOVERNMENT_KEY"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        asOffice().when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("kind", equalTo("PROPOSAL"))
                .body("topics", contains("智慧城市", "数字政府"))
                .body("subjectCategory", equalTo("城市建设"))
                .body("coSigners[0].id", equalTo(coSigner))
                .body("coSigners[0].delegation", equalTo("南山代表团"))
                .body("supervisionLevel", equalTo("GOVERNMENT_KEY"))
                .body("priority", equalTo("HOT"));
    }

    @Test
    void aDeputyReadsWhatTheyProposedOrCoSignedAndNothingElse() {
        String lead = fresh("D-");
        String coSigner = fresh("D-");
        String stranger = fresh("D-");
        String id = asOffice().body(fullRegistration(freshNumber(), lead, coSigner, "智慧城市", "ORDINARY"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        String other = asOffice().body(registration(freshNumber(), stranger))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");

        asDeputy(lead).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
        asDeputy(coSigner).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
        asDeputy(stranger).when().get("/api/v1/suggestions/" + id).then().statusCode(404);
        asDeputy(coSigner).when().get("/api/v1/suggestions/" + other).then().statusCode(404);

        asDeputy(coSigner).when().get("/api/v1/suggestions").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(id));
        // asking for someone else's suggestions still shows only one's own
        asDeputy(coSigner).queryParam("deputy", stranger).when().get("/api/v1/suggestions").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void theOfficeFiltersByTopicSupervisionAndDeputySortedAndPaged() {
        String topic = fresh("专题");
        String lead = fresh("D-");
        String first = freshNumber();
        String second = freshNumber();
        String a = asOffice().body(fullRegistration(first, lead, fresh("D-"), topic, "STANDING_COMMITTEE_KEY"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        String b = asOffice().body(fullRegistration(second, lead, fresh("D-"), topic, "ORDINARY"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");

        asOffice().queryParam("topic", topic).queryParam("sort", "registeredAt").when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(a, b));
        asOffice().queryParam("topic", topic).queryParam("sort", "-registeredAt").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(a));
        asOffice().queryParam("topic", topic).queryParam("supervisionLevel", "STANDING_COMMITTEE_KEY").when().get("/api/v1/suggestions")
                .then().statusCode(200).body("items.id", contains(a));
        asOffice().queryParam("deputy", lead).queryParam("year", 2020).queryParam("session", 8).when().get("/api/v1/suggestions")
                .then().statusCode(200).body("items.id", containsInAnyOrder(a, b));
        asOffice().queryParam("size", 201).when().get("/api/v1/suggestions").then().statusCode(400);
        asOffice().queryParam("sort", "body").when().get("/api/v1/suggestions").then().statusCode(400);
    }

    @Test
    void theOfficeWithdrawsBeforeAssignmentOnlyOnceAndWithTheCurrentVersion() {
        String id = asOffice().body(registration(freshNumber(), fresh("D-")))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        String reason = "{ \"reason\": \"代表申请撤回\" }";

        asOffice().body(reason).when().post("/api/v1/suggestions/" + id + "/withdrawal").then().statusCode(428);
        asOffice().header("If-Match", "\"7\"").body(reason).when().post("/api/v1/suggestions/" + id + "/withdrawal").then().statusCode(412);
        asDeputy("D-0117").header("If-Match", "\"0\"").body(reason).when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(403);
        asOffice().header("If-Match", "\"0\"").body(reason).when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        asOffice().header("If-Match", "\"1\"").body(reason).when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(409);
    }
}
