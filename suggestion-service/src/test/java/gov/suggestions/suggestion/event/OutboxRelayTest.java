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
        return given().when().get("/q/health/ready").then().extract().path("status");
    }
}
