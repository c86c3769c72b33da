package gov.suggestions.suggestion.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.suggestion.repository.OutboxEventRepository;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.InjectKafkaBroker;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The relay against a real broker that goes away and comes back. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OutboxRelayTest {

    @InjectKafkaBroker
    InProcessKafka kafka;

    @Inject
    Outbox outbox;

    @Inject
    OutboxEventRepository outboxEvents;

    @Inject
    OutboxPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void brokerBack() {
        kafka.restart();
    }

    @Test
    void eventsWrittenDuringAnOutageWaitAndThenArriveInOrderPerKey() {
        kafka.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !"UP".equals(readiness()));

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<Long> written = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            int s = step;
            // interleave two suggestions, each with its own sequence of steps
            written.add(QuarkusTransaction.requiringNew().call(() -> outbox.append("test.step.v1", first, Map.of("step", s)).id));
            written.add(QuarkusTransaction.requiringNew().call(() -> outbox.append("test.step.v1", second, Map.of("step", s)).id));
        }

        // nothing can be acknowledged while the broker is down: every row still waits
        assertEquals(written.size(), unpublished(written));

        kafka.restart();

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> stepsOf(read, first).size() >= 5 && stepsOf(read, second).size() >= 5, Duration.ofSeconds(60));
        assertEquals(List.of(1, 2, 3, 4, 5), distinctInOrder(stepsOf(records, first)));
        assertEquals(List.of(1, 2, 3, 4, 5), distinctInOrder(stepsOf(records, second)));
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(written) == 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(readiness()));
    }

    @Test
    void severalRelaysAtOncePublishEveryEventExactlyOnceAndInOrderPerKey() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        List<Long> written = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (int step = 1; step <= 10; step++) {
                for (String key : keys) {
                    ids.add(outbox.append("test.step.v1", key, Map.of("step", step)).id);
                }
            }
            return ids;
        });

        // four more relays, as other replicas would run them, race the application's own relay for the backlog
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<Integer>> published = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            published.add(replicas.submit(() -> {
                int total = 0;
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < until && unpublished(written) > 0) {
                    total += publisher.publishBatch();
                }
                return total;
            }));
        }
        replicas.shutdown();
        assertTrue(replicas.awaitTermination(60, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(written) == 0);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> keys.stream().allMatch(k -> stepsOf(read, k).size() >= 10), Duration.ofSeconds(60));
        for (String key : keys) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), stepsOf(records, key), "steps of " + key);
        }
    }

    private long unpublished(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> outboxEvents.count("publishedAt is null and id in ?1", ids));
    }

    private static List<Integer> stepsOf(List<ConsumerRecord<String, String>> records, String key) {
        List<Integer> steps = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                steps.add(Integer.parseInt(record.value().replaceAll("\\D", "")));
            }
        }
        return steps;
    }

    /** A redelivery may repeat a step; what matters is that first deliveries arrive in order. */
    private static List<Integer> distinctInOrder(List<Integer> steps) {
        List<Integer> firsts = new ArrayList<>();
        for (Integer step : steps) {
            if (!firsts.contains(step)) {
                firsts.add(step);
            }
        }
        assertTrue(steps.size() >= firsts.size());
        return firsts;
    }

    private static String readiness() {
        return given().port(managementPort()).when().get("/q/health/ready").then().extract().path("status");
    }

    /** Health lives on the management interface, on its own (random, in tests) port. */
    private static int managementPort() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
