package gov.suggestions.workflow.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.domain.OutboxEvent;
import gov.suggestions.workflow.repository.OutboxEventRepository;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The trace of a consumed event goes on: the case.opened.v1 events workflow-service writes while applying a traced
 * suggestion.assigned.v1 carry that trace, so support staff see the cases opening in the assignment's trace.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ConsumedEventTraceTest {

    /** suggestion-service's request span, not sampled (flags 00): the tests record nothing and contact no collector. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PUBLISHER_TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-00";

    @Inject
    OutboxEventRepository outboxEvents;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theCasesOpenedByATracedAssignmentAreWrittenAndSentInItsTrace() {
        CaseDriver.awaitConsumer(bootstrapServers);
        String suggestionId = UUID.randomUUID().toString();
        String json = "{" + CaseDriver.header(suggestionId, "2020" + suggestionId.substring(0, 4), "ORDINARY")
                + ",\"assignedOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\",\"units\":["
                + CaseDriver.unit(CaseDriver.unitCode(), "LEAD", LocalDate.now().plusMonths(3)) + "]}";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("suggestions", suggestionId, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.assigned.v1",
                    json, Map.of("traceparent", PUBLISHER_TRACEPARENT, "ce_traceparent", PUBLISHER_TRACEPARENT));
        }

        OutboxEvent opened = await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> outboxEvents.find("aggregateId = ?1 and eventType = 'case.opened.v1'", suggestionId).firstResult()),
                row -> row != null);
        // a span of workflow-service's own (the record's processing) in the publisher's trace
        assertTrue(opened.traceparent.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00"), opened.traceparent);
        assertNotEquals(PUBLISHER_TRACEPARENT, opened.traceparent);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "cases",
                read -> read.stream().anyMatch(r -> suggestionId.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> suggestionId.equals(r.key())).findFirst().orElseThrow();
        assertEquals(opened.traceparent, TopicReader.header(record, "traceparent"));
        assertEquals(opened.traceparent, TopicReader.header(record, "ce_traceparent"));
    }
}
