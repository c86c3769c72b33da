package gov.suggestions.workflow.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.repository.ReceivedSuggestionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * One poll's records as the connector hands them to the consumer (a batch built from {@link ConsumerRecords}, with
 * commit and failure handlers that record what they are given), so that what lands in one batch is certain.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class EventBatchesTest {

    private static final String SOURCE = "/suggestion-service";

    @Inject
    SuggestionEventConsumer consumer;

    @Inject
    ReceivedSuggestionRepository received;

    @Inject
    EntityManager entityManager;

    private final List<Long> committed = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, Throwable> deadLettered = Collections.synchronizedMap(new java.util.TreeMap<>());

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndTheRestOfItsBatchIsAppliedOnce() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, first, firstEvent, SuggestionEventConsumerTest.submitted(first, "20201001")),
                record(1, second, UUID.randomUUID().toString(), SuggestionEventConsumerTest.submitted(second, "20201002")),
                record(2, second, UUID.randomUUID().toString(), "{\"suggestionId\":\"" + second + "\"}"),
                // the first event delivered again in the same poll
                record(3, first, firstEvent, SuggestionEventConsumerTest.submitted(first, "20201001")),
                record(4, last, UUID.randomUUID().toString(), SuggestionEventConsumerTest.submitted(last, "20201003")));

        consumer.consume(batchOf(records)).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(2L), List.copyOf(deadLettered.keySet()), "only the poison record is dead-lettered");
        assertTrue(deadLettered.get(2L).getMessage().contains("lacks congressBody"), deadLettered.get(2L).getMessage());
        assertTrue(committed.contains(4L), "the batch is acknowledged up to its last record: " + committed);
        for (String id : List.of(first, second, last)) {
            assertEquals(1, QuarkusTransaction.requiringNew().call(() -> received.count("suggestionId", UUID.fromString(id))), id);
        }
    }

    @Test
    void aPollOfGoodRecordsIsAppliedInOneTransaction() throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(record(i, id, UUID.randomUUID().toString(), SuggestionEventConsumerTest.submitted(id, "2020" + (2000 + i))));
        }

        long before = nextTransactionId();
        consumer.consume(batchOf(records)).toCompletableFuture().get(60, TimeUnit.SECONDS);
        long transactions = nextTransactionId() - before - 1;

        assertTrue(deadLettered.isEmpty(), deadLettered.toString());
        assertEquals(50, QuarkusTransaction.requiringNew()
                .call(() -> received.count("suggestionId in ?1", ids.stream().map(UUID::fromString).toList())));
        // one event a transaction would take 50; the relay or a scheduled job may write in between
        assertTrue(transactions <= 5, "50 events took " + transactions + " writing transactions");
    }

    /** The id PostgreSQL gives the next transaction that writes (reading one does not take one). */
    private long nextTransactionId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").getSingleResult()).longValue());
    }

    private IncomingKafkaRecordBatch<String, String> batchOf(List<ConsumerRecord<String, String>> records) {
        TopicPartition partition = new TopicPartition("suggestions", 0);
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                committed.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.put(record.getOffset(), reason);
                return Uni.createFrom().completionStage(record.ack());
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(partition, records)), "suggestion-events", -1, commits,
                deadLetters, true, false);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String eventId, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_source", bytes(SOURCE));
        headers.add("ce_type", bytes("suggestion.submitted.v1"));
        headers.add("content-type", bytes("application/json"));
        return new ConsumerRecord<>("suggestions", 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1, key, json,
                headers, java.util.Optional.empty());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
