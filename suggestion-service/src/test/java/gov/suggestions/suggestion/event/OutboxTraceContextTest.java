package gov.suggestions.suggestion.event;

import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.suggestion.domain.OutboxEvent;
import gov.suggestions.suggestion.repository.OutboxEventRepository;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A suggestion's trace crosses the broker: the outbox row written by a traced request keeps the request's W3C trace
 * context, and the relay sends it with the record as the W3C headers and as the CloudEvents tracing extension.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OutboxTraceContextTest {

    /** A caller's trace, not sampled (flags 00): the tests record nothing and contact no collector. */
    private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_TRACESTATE = "suggestions=t61rcWkgMzE";

    @Inject
    Outbox outbox;

    @Inject
    OutboxEventRepository outboxEvents;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theRowOfATracedRegistrationKeepsItsTraceAndItsRecordCarriesTheFourHeaders() {
        String id = asOffice().body(registration(freshNumber(), "D-0117"))
                .header("traceparent", "00-" + CALLER_TRACE_ID + "-00f067aa0ba902b7-00")
                .header("tracestate", CALLER_TRACESTATE)
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");

        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> outboxEvents.find("aggregateId", id).firstResult());
        // the request's own span in the caller's trace, not the caller's span
        assertTrue(row.traceparent.matches("00-" + CALLER_TRACE_ID + "-[0-9a-f]{16}-00"), row.traceparent);
        assertNotEquals("00-" + CALLER_TRACE_ID + "-00f067aa0ba902b7-00", row.traceparent);
        assertEquals(CALLER_TRACESTATE, row.tracestate);

        ConsumerRecord<String, String> record = recordOf(id);
        assertEquals(row.traceparent, TopicReader.header(record, "traceparent"));
        assertEquals(row.traceparent, TopicReader.header(record, "ce_traceparent"));
        assertEquals(CALLER_TRACESTATE, TopicReader.header(record, "tracestate"));
        assertEquals(CALLER_TRACESTATE, TopicReader.header(record, "ce_tracestate"));
    }

    @Test
    void aRowWrittenOutsideAnyTraceIsSentWithoutTraceHeaders() {
        String key = UUID.randomUUID().toString();
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> outbox.append("test.untraced.v1", key, Map.of("step", 1)));
        assertNull(row.traceparent);

        ConsumerRecord<String, String> record = recordOf(key);
        for (String header : List.of("traceparent", "tracestate", "ce_traceparent", "ce_tracestate")) {
            assertNull(TopicReader.header(record, header), header);
        }
    }

    private ConsumerRecord<String, String> recordOf(String key) {
        return TopicReader.readUntil(bootstrapServers, "suggestions", read -> read.stream().anyMatch(r -> key.equals(r.key())),
                Duration.ofSeconds(30)).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
}
