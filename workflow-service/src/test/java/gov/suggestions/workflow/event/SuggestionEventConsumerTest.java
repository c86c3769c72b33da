package gov.suggestions.workflow.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.workflow.repository.InboxEventRepository;
import gov.suggestions.workflow.repository.ReceivedSuggestionRepository;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Events delivered through the real broker, the way suggestion-service publishes them (and worse). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SuggestionEventConsumerTest {

    private static final String SOURCE = "/suggestion-service";
    private static final String DLQ = "workflow-service.suggestions.dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    @Inject
    ReceivedSuggestionRepository received;

    CloudEventProducer producer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void openProducer() {
        gov.suggestions.workflow.support.CaseDriver.awaitConsumer(bootstrapServers);
        producer = new CloudEventProducer(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    static String submitted(String suggestionId, String number) {
        return """
                {"suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                 "title":"关于推进数据立法的建议","leadDeputy":{"id":"D-0117","name":"王某某","delegation":"福田代表团"},
                 "term":6,"session":8,"year":2020,"submittedOn":"2020-05-10","registeredAt":"2020-05-12T01:30:00Z",
                 "aFieldFromTheFuture":{"ignored":true}}""".formatted(suggestionId, number);
    }

    @Test
    void submittedEventIsKeptAndVisibleThroughTheApi() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        producer.send("suggestions", id, eventId, SOURCE, "suggestion.submitted.v1", submitted(id, "20200055"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSupervisor()
                .when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(200)
                .body("number", equalTo("20200055"))
                .body("leadDeputy.name", equalTo("王某某"))
                .body("sourceEventId", equalTo(eventId)));

        given().auth().oauth2(TestTokens.role("congress-office").congressBody("guangzhou-npc").sign())
                .when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.role("handler").unit("U-1").sign())
                .when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(403);
        given().when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(401);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        producer.send("suggestions", id, eventId, SOURCE, "suggestion.submitted.v1", submitted(id, "20200226"));
        producer.send("suggestions", id, eventId, SOURCE, "suggestion.submitted.v1", submitted(id, "20200226"));
        // a later event on the same key is processed only after both deliveries above
        String marker = UUID.randomUUID().toString();
        producer.send("suggestions", id, marker, SOURCE, "suggestion.progressed.v9", "{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> inbox.count("key.eventId", eventId)));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> received.count("suggestionId", UUID.fromString(id))));
        // had the second delivery been applied, inserting the suggestion again would have sent it to the dead-letter topic
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, DLQ, r -> false, Duration.ofSeconds(2));
        assertTrue(dead.stream().noneMatch(r -> id.equals(r.key())), "a duplicate delivery reached the dead-letter topic");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithAReasonAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        producer.send("suggestions", key, UUID.randomUUID().toString(), SOURCE, "suggestion.submitted.v1", "this is not json");
        producer.send("suggestions", key, null, null, null, "{\"no\":\"cloud event headers\"}");
        producer.send("suggestions", key, UUID.randomUUID().toString(), SOURCE, "suggestion.submitted.v1",
                "{\"suggestionId\":\"" + key + "\"}");
        String good = UUID.randomUUID().toString();
        producer.send("suggestions", good, UUID.randomUUID().toString(), SOURCE, "suggestion.submitted.v1", submitted(good, "20200041"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSupervisor()
                .when().get("/api/v1/received-suggestions/" + good).then().statusCode(200));
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, DLQ,
                r -> r.stream().filter(x -> key.equals(x.key())).count() >= 3, Duration.ofSeconds(30));
        List<String> reasons = dead.stream().filter(r -> key.equals(r.key()))
                .map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
        assertEquals(3, reasons.size(), "every poison message is dead-lettered once: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_id")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("lacks congressBody")), reasons.toString());
    }

    @Test
    void numbersOutsideTheDocumentedRangesAndTooManyUnitsGoToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        producer.send("suggestions", key, UUID.randomUUID().toString(), SOURCE, "suggestion.submitted.v1",
                submitted(key, "20200077").replace("\"year\":2020", "\"year\":70000"));
        String other = UUID.randomUUID().toString();
        producer.send("suggestions", other, UUID.randomUUID().toString(), SOURCE, "suggestion.submitted.v1",
                submitted(other, "20200078").replace("\"term\":6", "\"term\":0"));
        // one suggestion handled by more units than a suggestion's cases may number
        String crowded = UUID.randomUUID().toString();
        List<String> units = java.util.stream.IntStream.rangeClosed(0, gov.suggestions.workflow.domain.Limits.OPEN_CASES_PER_SUGGESTION)
                .mapToObj(i -> gov.suggestions.workflow.support.CaseDriver.unit("crowd-" + i + "-" + crowded.substring(0, 6), "JOINT",
                        java.time.LocalDate.now().plusMonths(1))).toList();
        try (gov.suggestions.workflow.support.CaseDriver driver = new gov.suggestions.workflow.support.CaseDriver(bootstrapServers)) {
            driver.assign(crowded, "ORDINARY", units);
        }

        List<String> keys = List.of(key, other, crowded);
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, DLQ,
                r -> r.stream().filter(x -> keys.contains(x.key())).count() >= 3, Duration.ofSeconds(30));
        java.util.Map<String, String> reasons = new java.util.HashMap<>();
        dead.stream().filter(r -> keys.contains(r.key())).forEach(r -> reasons.put(r.key(), TopicReader.header(r, "dead-letter-reason")));
        assertTrue(reasons.get(key).contains("year 70000 outside 1949-2100"), reasons.toString());
        assertTrue(reasons.get(other).contains("term 0 outside 1-99"), reasons.toString());
        assertTrue(reasons.get(crowded).contains("more than " + gov.suggestions.workflow.domain.Limits.OPEN_CASES_PER_SUGGESTION), reasons.toString());
        asSupervisor().when().get("/api/v1/received-suggestions/" + key).then().statusCode(404);
        asSupervisor().queryParam("suggestionId", crowded).when().get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.count("key.eventId", eventId)) == 1;
    }

    private static io.restassured.specification.RequestSpecification asSupervisor() {
        return given().auth().oauth2(TestTokens.role("gov-supervisor").sign());
    }
}
