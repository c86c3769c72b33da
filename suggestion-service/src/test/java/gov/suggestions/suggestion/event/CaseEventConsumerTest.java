package gov.suggestions.suggestion.event;

import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.ConsumerGroups;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The progress view: case events from workflow-service, applied once each, poison messages dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseEventConsumerTest {

    private static final String SOURCE = "/workflow-service";
    private static final String DLQ = "suggestion-service.cases.dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    CloudEventProducer producer;

    @BeforeEach
    void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // right after the app starts its consumer may not hold its partition yet; an event sent then waits for the join
        ConsumerGroups.awaitAssigned(bootstrapServers, "suggestion-service", java.time.Duration.ofSeconds(90), "cases");
        producer = new CloudEventProducer(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    private static String caseEvent(String caseId, String suggestionId, String unit, String state, String at) {
        return """
                { "caseId": "%s", "suggestionId": "%s", "congressBody": "shenzhen-npc", "number": "20200055",
                  "unitCode": "%s", "role": "LEAD", "state": "%s", "occurredAt": "%s", "actor": "handler-1",
                  "distribution": { "leaderInCharge": "王副局长" } }""".formatted(caseId, suggestionId, unit, state, at);
    }

    @Test
    void eachUnitsCaseStateShowsOnTheSuggestionOnceAndInOrder() {
        String deputy = "D-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asOffice().body(registration(freshNumber(), deputy)).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        String caseId = UUID.randomUUID().toString();
        String distributed = UUID.randomUUID().toString();
        producer.send("cases", id, UUID.randomUUID().toString(), SOURCE, "case.opened.v1",
                caseEvent(caseId, id, "sz-zsj", "ASSIGNED", "2020-05-20T01:00:00Z"));
        producer.send("cases", id, distributed, SOURCE, "case.distributed.v1",
                caseEvent(caseId, id, "sz-zsj", "DISTRIBUTED", "2020-05-21T02:00:00Z"));
        // a redelivery of an older event and an unrelated type change nothing
        producer.send("cases", id, UUID.randomUUID().toString(), SOURCE, "case.opened.v1",
                caseEvent(caseId, id, "sz-zsj", "ASSIGNED", "2020-05-20T01:00:00Z"));
        producer.send("cases", id, UUID.randomUUID().toString(), SOURCE, "something.else.v1", "{}");
        String marker = UUID.randomUUID().toString();
        producer.send("cases", id, marker, SOURCE, "case.opened.v1",
                caseEvent(marker, id, "sz-fgw", "ASSIGNED", "2020-05-20T01:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOffice().when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200).body("caseProgress.size()", equalTo(2)));
        asDeputy(deputy).when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("caseProgress.find { it.unitCode == 'sz-zsj' }.state", equalTo("DISTRIBUTED"))
                .body("caseProgress.find { it.unitCode == 'sz-zsj' }.caseId", equalTo(caseId))
                .body("caseProgress.find { it.unitCode == 'sz-fgw' }.state", equalTo("ASSIGNED"));
        asOffice().queryParam("deputy", deputy).when().get("/api/v1/suggestions").then().statusCode(200)
                .body("items[0].caseProgress.size()", equalTo(2));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String id = asOffice().body(registration(freshNumber(), "D-0117")).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        String notJson = UUID.randomUUID().toString();
        String lacking = UUID.randomUUID().toString();
        producer.send("cases", id, notJson, SOURCE, "case.opened.v1", "this is not json");
        producer.send("cases", id, lacking, SOURCE, "case.opened.v1", "{ \"caseId\": \"" + UUID.randomUUID() + "\" }");
        producer.send("cases", id, null, null, null, "{\"no\":\"cloud event headers\"}");
        producer.send("cases", id, UUID.randomUUID().toString(), SOURCE, "case.opened.v1",
                caseEvent(UUID.randomUUID().toString(), id, "sz-zsj", "ASSIGNED", "2020-05-20T01:00:00Z"));

        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, DLQ,
                read -> read.stream().filter(r -> id.equals(r.key())).count() >= 3, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = dead.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(3, mine.size());
        assertTrue(mine.stream().anyMatch(r -> String.valueOf(TopicReader.header(r, "dead-letter-reason")).contains("lacks suggestionId")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOffice().when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200).body("caseProgress[0].state", equalTo("ASSIGNED")));
    }
}
