package gov.suggestions.workflow.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Real responses checked against the service's own /q/openapi document. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiContractTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void receivedSuggestionAndItsErrorsMatchTheDocument() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiValidationFilter contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document).build());
        String id = UUID.randomUUID().toString();
        gov.suggestions.workflow.support.CaseDriver.awaitConsumer(bootstrapServers);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("suggestions", id, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.submitted.v1", """
                    {"suggestionId":"%s","congressBody":"shenzhen-npc","number":"20200099","kind":"PROPOSAL",
                     "title":"关于智慧城市建设的提案","leadDeputy":{"id":"M-0001","name":"陈某某"},
                     "term":7,"session":1,"year":2021,"submittedOn":"2021-01-20"}""".formatted(id));
        }
        String supervisor = "Bearer " + TestTokens.role("gov-supervisor").sign();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().filter(contract).header("Authorization", supervisor)
                .when().get("/api/v1/received-suggestions/" + id).then().statusCode(200));
        given().filter(contract).header("Authorization", supervisor)
                .when().get("/api/v1/received-suggestions/" + UUID.randomUUID()).then().statusCode(404);
        given().filter(contract).header("Authorization", "Bearer " + TestTokens.role("deputy").deputy("D-1").sign())
                .when().get("/api/v1/received-suggestions/" + id).then().statusCode(403);
    }

    @Test
    void caseOperationsAndTheirErrorsMatchTheDocument() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiValidationFilter contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document).build());
        String suggestion = UUID.randomUUID().toString();
        String unit = gov.suggestions.workflow.support.CaseDriver.unitCode();
        try (gov.suggestions.workflow.support.CaseDriver driver = new gov.suggestions.workflow.support.CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", java.util.List.of(gov.suggestions.workflow.support.CaseDriver.unit(unit, "SOLE",
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = gov.suggestions.workflow.support.CaseDriver.awaitCase(suggestion, unit);
        String office = "Bearer " + gov.suggestions.workflow.support.CaseDriver.office(unit);
        String handler = "Bearer " + gov.suggestions.workflow.support.CaseDriver.handler(unit);
        String etag = given().filter(contract).header("Authorization", office).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().filter(contract).header("Authorization", office).when().get("/api/v1/cases?suggestionId=" + suggestion).then().statusCode(200);
        given().filter(contract).header("Authorization", office).contentType("application/json")
                .body(gov.suggestions.workflow.support.CaseDriver.DISTRIBUTION).when().post("/api/v1/cases/" + id + "/distribution")
                .then().statusCode(428);
        etag = given().filter(contract).header("Authorization", office).header("If-Match", etag).contentType("application/json")
                .body(gov.suggestions.workflow.support.CaseDriver.DISTRIBUTION).when().post("/api/v1/cases/" + id + "/distribution")
                .then().statusCode(200).extract().header("ETag");
        given().filter(contract).header("Authorization", handler).header("If-Match", etag).contentType("application/json")
                .body(gov.suggestions.workflow.support.CaseDriver.draft("A", "已解决")).when().post("/api/v1/cases/" + id + "/drafts")
                .then().statusCode(201);
        given().filter(contract).header("Authorization", handler).header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of()).when().post("/api/v1/cases/" + id + "/draft-submission").then().statusCode(412);
        given().filter(contract).header("Authorization", handler).when().get("/api/v1/cases/" + id + "/drafts").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/cases/" + id + "/history").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200);
        given().filter(contract).header("Authorization", "Bearer " + gov.suggestions.workflow.support.CaseDriver.office("u-other"))
                .when().get("/api/v1/cases/" + id).then().statusCode(404);
        given().filter(contract).header("Authorization", "Bearer " + TestTokens.role("gov-supervisor").sign())
                .when().get("/api/v1/supervision/cases?view=DUE_SOON").then().statusCode(200);
    }

    @Test
    void sharedCommunicationsIdempotencyKeysAndStepRefusalsMatchTheDocument() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiValidationFilter contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document).build());
        io.restassured.path.json.JsonPath doc = new io.restassured.path.json.JsonPath(document);
        for (String path : java.util.List.of("/api/v1/communications", "/api/v1/cases/{id}/communications", "/api/v1/cases/{id}/drafts",
                "/api/v1/cases/{id}/chases", "/api/v1/cases/{id}/extension-requests", "/api/v1/cases/{id}/commitments/{commitmentId}/progress",
                "/api/v1/cases/{id}/assisting-opinions")) {
            java.util.List<String> parameters = doc.getList("paths.'" + path + "'.post.parameters.name");
            org.junit.jupiter.api.Assertions.assertTrue(parameters != null && parameters.contains("Idempotency-Key"), path + " documents Idempotency-Key");
            org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'" + path + "'.post.responses.'422'"), path + " documents 422");
        }
        String suggestion = UUID.randomUUID().toString();
        String unit = gov.suggestions.workflow.support.CaseDriver.unitCode();
        try (gov.suggestions.workflow.support.CaseDriver driver = new gov.suggestions.workflow.support.CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", java.util.List.of(gov.suggestions.workflow.support.CaseDriver.unit(unit, "SOLE",
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = gov.suggestions.workflow.support.CaseDriver.awaitCase(suggestion, unit);
        String office = "Bearer " + gov.suggestions.workflow.support.CaseDriver.office(unit);
        String handler = "Bearer " + gov.suggestions.workflow.support.CaseDriver.handler(unit);
        gov.suggestions.workflow.support.CaseDriver.act(id, gov.suggestions.workflow.support.CaseDriver.office(unit), "distribution",
                gov.suggestions.workflow.support.CaseDriver.DISTRIBUTION).statusCode(200);
        java.util.Map<String, Object> symposium = new java.util.HashMap<>(gov.suggestions.workflow.support.CaseDriver.phoneCall());
        symposium.put("kind", "SYMPOSIUM");
        symposium.put("caseIds", java.util.List.of(id));
        String key = "contract-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().filter(contract).header("Authorization", handler).header("Idempotency-Key", key).contentType("application/json").body(symposium)
                    .when().post("/api/v1/communications").then().statusCode(201);
        }
        symposium.put("summary", "另一次座谈会");
        given().filter(contract).header("Authorization", handler).header("Idempotency-Key", key).contentType("application/json").body(symposium)
                .when().post("/api/v1/communications").then().statusCode(422);
        symposium.put("caseIds", java.util.List.of(UUID.randomUUID().toString()));
        given().filter(contract).header("Authorization", handler).contentType("application/json").body(symposium)
                .when().post("/api/v1/communications").then().statusCode(404);
        gov.suggestions.workflow.support.CaseDriver.act(id, gov.suggestions.workflow.support.CaseDriver.handler(unit), "drafts",
                gov.suggestions.workflow.support.CaseDriver.draft("A", "已解决")).statusCode(201);
        gov.suggestions.workflow.support.CaseDriver.act(id, gov.suggestions.workflow.support.CaseDriver.handler(unit), "draft-submission",
                gov.suggestions.workflow.support.CaseDriver.NONE).statusCode(200);
        String etag = given().header("Authorization", office).when().get("/api/v1/cases/" + id).then().extract().header("ETag");
        given().filter(contract).header("Authorization", office).header("If-Match", etag).contentType("application/json")
                .body(gov.suggestions.workflow.support.CaseDriver.APPROVE).when().post("/api/v1/cases/" + id + "/review-decisions")
                .then().statusCode(403);
    }
}
