package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.suggestion.repository.SuggestionRepository;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SuggestionResourceTest {

    @Inject
    SuggestionRepository suggestions;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registersAndReadsBackASuggestion() {
        String number = freshNumber();
        String id = asOffice().body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/suggestions/"))
                .header("ETag", notNullValue())
                .body("number", equalTo(number))
                .body("state", equalTo("REGISTERED"))
                .body("leadDeputy.name", equalTo("王某某"))
                .extract().path("id");

        asOffice().when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("title", equalTo("关于加快推进政务数据共享的建议"))
                .body("term", equalTo(6))
                .body("session", equalTo(8));
    }

    @Test
    void registrationPublishesSubmittedEventAsCloudEventKeyedBySuggestion() throws Exception {
        String number = freshNumber();
        String id = asOffice().body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

        assertEquals("1.0", TopicReader.header(event, "ce_specversion"));
        assertEquals("suggestion.submitted.v1", TopicReader.header(event, "ce_type"));
        assertEquals("/suggestion-service", TopicReader.header(event, "ce_source"));
        assertEquals(id, TopicReader.header(event, "ce_subject"));
        assertEquals(36, TopicReader.header(event, "ce_id").length());
        JsonNode data = objectMapper.readTree(event.value());
        assertEquals(id, data.get("suggestionId").asText());
        assertEquals(number, data.get("number").asText());
        assertEquals(BODY, data.get("congressBody").asText());
        assertEquals("D-0117", data.get("leadDeputy").get("id").asText());
    }

    @Test
    void retryWithSameIdempotencyKeyAnswersFirstResultAndStoresOnce() {
        String number = freshNumber();
        String key = "intake-" + number;
        String first = asOffice().header("Idempotency-Key", key).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        String second = asOffice().header("Idempotency-Key", key).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertEquals(first, second);
        assertEquals(1, storedWithNumber(number));
    }

    @Test
    void retrySpellingOutEmptyOptionalFieldsIsStillTheSameRequest() {
        String number = freshNumber();
        String key = "intake-" + number;
        String first = asOffice().header("Idempotency-Key", key).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        String spelledOut = registration(number, "D-0117").replace("\"term\": 6,", "\"term\": 6, \"topics\": [], \"coSigners\": null,");
        String second = asOffice().header("Idempotency-Key", key).body(spelledOut)
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertEquals(first, second);
        assertEquals(1, storedWithNumber(number));
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsRefused() {
        String number = freshNumber();
        String key = "intake-" + number;
        asOffice().header("Idempotency-Key", key).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions").then().statusCode(201);
        String other = freshNumber();
        asOffice().header("Idempotency-Key", key).body(registration(other, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        assertEquals(0, storedWithNumber(other));
    }

    @Test
    void duplicateNumberInSameCongressBodyIsAConflictNamingTheField() {
        String number = freshNumber();
        asOffice().body(registration(number, "D-0117")).when().post("/api/v1/suggestions").then().statusCode(201);

        asOffice().body(registration(number, "D-0200"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("violations.field", hasItem("number"));
        assertEquals(1, storedWithNumber(number));
    }

    @Test
    void officeCannotRegisterForAnotherCongressBody() {
        String number = freshNumber();
        as(TestTokens.role("congress-office").congressBody("guangzhou-npc").sign())
                .body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void systemMayRegisterAndProblemTextsFollowAcceptLanguage() {
        String number = freshNumber();
        as(TestTokens.role("system").sign()).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions").then().statusCode(201);
        as(TestTokens.role("system").sign()).header("Accept-Language", "en").body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(409)
                .body("title", equalTo("Conflict with the current state"));
    }

    @Test
    void deputySeesOwnSuggestionButNotAnotherDeputysOne() {
        String id = asOffice().body(registration(freshNumber(), "D-0300"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");

        as(TestTokens.role("deputy").deputy("D-0300").congressBody(BODY).sign())
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200);
        as(TestTokens.role("deputy").deputy("D-0301").congressBody(BODY).sign())
                .when().get("/api/v1/suggestions/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.role("congress-office").congressBody("guangzhou-npc").sign())
                .when().get("/api/v1/suggestions/" + id).then().statusCode(404);
    }

    @Test
    void unknownSuggestionIsAProblem404() {
        asOffice().when().get("/api/v1/suggestions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/suggestions/00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void openApiDocumentsTheSlice() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/suggestions'.post.tags", hasItem("Suggestions"))
                .body("paths.'/api/v1/suggestions'.post.responses.'409'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/api/v1/suggestions'.post.requestBody.content.'application/json'.examples.suggestion", notNullValue())
                .body("paths.'/api/v1/suggestions/{id}'.get.responses", not(equalTo(null)))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    private long storedWithNumber(String number) {
        return QuarkusTransaction.requiringNew().call(() -> suggestions.count("congressBody = ?1 and number = ?2", BODY, number));
    }
}
