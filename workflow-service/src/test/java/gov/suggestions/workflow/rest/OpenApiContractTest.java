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
}
