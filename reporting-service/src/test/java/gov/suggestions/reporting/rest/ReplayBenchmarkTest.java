package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Prints how long a rebuild takes to replay {@code -Dreplay.benchmark.events} events (default 100,000; the budget
 * is 1,000,000 under 2 minutes) from the real broker into a fresh read model. The events are those of many units'
 * suggestions and cases in the publishers' golden shapes, in per-suggestion order. The live consumers stay paused
 * (own profile, own broker), so the replay has the machine to itself. No timed assertion; the figures after the
 * rebuild are checked.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(ReplayBenchmarkTest.LiveConsumersPaused.class)
@Tag("benchmark")
class ReplayBenchmarkTest {

    /** Events per suggestion below: 2 on suggestions, 8 for the lead case, 2 for each of two joint cases. */
    static final int EVENTS_PER_SUGGESTION = 14;

    public static class LiveConsumersPaused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.suggestion-events.pausable", "true",
                    "mp.messaging.incoming.suggestion-events.initially-paused", "true",
                    "mp.messaging.incoming.case-events.pausable", "true",
                    "mp.messaging.incoming.case-events.initially-paused", "true",
                    "mp.messaging.incoming.notification-events.pausable", "true",
                    "mp.messaging.incoming.notification-events.initially-paused", "true");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void replayIntoAFreshReadModel() throws Exception {
        long wanted = Long.getLong("replay.benchmark.events", 100_000);
        int suggestions = (int) Math.max(1, wanted / EVENTS_PER_SUGGESTION);
        String body = Scenario.code("replay");
        long produceStart = System.nanoTime();
        long events = produce(body, suggestions);
        double produced = (System.nanoTime() - produceStart) / 1e9;

        long start = System.nanoTime();
        String location = given().auth().oauth2(TestTokens.role("system").sign()).when().post("/api/v1/read-model/rebuilds")
                .then().statusCode(202).extract().header("Location");
        Response job = ReadModelRebuildTest.awaitFinished(location, 3600);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("SUCCEEDED", job.path("state"), job.asString());
        System.out.printf("BENCHMARK replay: %d events (%d suggestions, %d cases) rebuilt in %.1f s, %.0f events/s (producing took %.1f s)%n",
                events, suggestions, suggestions * 3L, seconds, events / seconds, produced);

        given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign()).when().get("/api/v1/statistics")
                .then().statusCode(200)
                .body("total.counts.cases", equalTo(suggestions * 3))
                .body("total.counts.replied", equalTo(suggestions))
                .body("total.counts.opinionsSent", equalTo(suggestions * 2))
                .body("total.counts.communications.MEETING", equalTo(suggestions));
    }

    /** Sends every suggestion's events in the order its publishers would, keyed by suggestion id; returns how many. */
    private long produce(String body, int suggestions) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        ObjectNode submitted = EventFeed.golden("suggestion.submitted.v1");
        ObjectNode assigned = EventFeed.golden("suggestion.assigned.v1");
        String[] caseTypes = { "case.opened.v1", "case.distributed.v1", "case.communication-recorded.v1", "case.communication-recorded.v1",
                "case.draft-submitted.v1", "case.review-decided.v1", "case.replied.v1", "case.evaluated.v1" };
        Map<String, ObjectNode> golden = new java.util.HashMap<>();
        for (String type : List.of("case.opened.v1", "case.distributed.v1", "case.communication-recorded.v1", "case.draft-submitted.v1",
                "case.review-decided.v1", "case.replied.v1", "case.evaluated.v1", "case.opinion-sent.v1")) {
            golden.put(type, EventFeed.golden(type));
        }
        String[] results = { "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED" };
        long count = 0;
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < suggestions; i++) {
                UUID sid = UUID.randomUUID();
                String key = sid.toString();
                String number = "2020" + String.format("%06d", i);
                int year = 2018 + i % 3;
                ObjectNode s = submitted.deepCopy().put("suggestionId", key).put("congressBody", body).put("number", number)
                        .put("title", "关于第" + i + "项工作的建议").put("year", year);
                pending.add(send(producer, "suggestions", key, "/suggestion-service", "suggestion.submitted.v1", s));
                ObjectNode a = assigned.deepCopy().put("suggestionId", key).put("congressBody", body).put("number", number).put("year", year)
                        .put("assignedOn", year + "-05-20");
                pending.add(send(producer, "suggestions", key, "/suggestion-service", "suggestion.assigned.v1", a));
                count += 2;
                String leadUnit = "unit-" + (i % 60);
                String leadRole = i % 3 == 0 ? "SOLE" : "LEAD";
                UUID leadCase = UUID.randomUUID();
                LocalDate due = LocalDate.of(year, 8, 20);
                for (int e = 0; e < caseTypes.length; e++) {
                    ObjectNode data = caseData(golden.get(caseTypes[e]), leadCase, key, body, number, leadUnit, leadRole);
                    switch (e) {
                        case 0 -> data.put("state", "ASSIGNED").put("assignedOn", year + "-05-20").put("dueOn", due.toString());
                        case 1 -> data.put("state", "DISTRIBUTED").put("leadHandler", i % 5 == 0 ? "局领导" : null);
                        // each communication its own id (the golden file's fixed id would make them all one communication)
                        case 2 -> data.put("state", "COMMUNICATING").put("kind", "PHONE").put("communicatedAt", year + "-06-01T02:00:00Z")
                                .put("communicationId", UUID.randomUUID().toString());
                        case 3 -> data.put("state", "COMMUNICATING").put("kind", "MEETING").put("communicatedAt", year + "-06-10T02:00:00Z")
                                .put("communicationId", UUID.randomUUID().toString());
                        case 4 -> data.put("state", "UNDER_REVIEW");
                        case 5 -> data.put("state", "UNDER_REVIEW").put("decision", i % 7 == 0 ? "RETURN" : "APPROVE");
                        case 6 -> {
                            LocalDate issued = due.minusDays(10 - i % 15);
                            data.put("state", "REPLIED").put("category", String.valueOf("ABCD".charAt(i % 4))).put("issuedOn", issued.toString())
                                    .put("occurredAt", issued + "T02:00:00Z").put("dueOn", due.toString()).put("onTime", !issued.isAfter(due));
                        }
                        default -> data.put("state", "EVALUATED").put("result", results[i % 4]);
                    }
                    pending.add(send(producer, "cases", key, "/workflow-service", caseTypes[e], data));
                    count++;
                }
                for (int j = 1; j <= 2; j++) {
                    UUID jointCase = UUID.randomUUID();
                    String jointUnit = "unit-" + ((i + 7 * j) % 60);
                    LocalDate jointDue = LocalDate.of(year, 6, 20);
                    pending.add(send(producer, "cases", key, "/workflow-service", "case.opened.v1",
                            caseData(golden.get("case.opened.v1"), jointCase, key, body, number, jointUnit, "JOINT").put("state", "ASSIGNED")
                                    .put("assignedOn", year + "-05-20").put("dueOn", jointDue.toString())));
                    LocalDate sent = jointDue.minusDays(i % 5);
                    pending.add(send(producer, "cases", key, "/workflow-service", "case.opinion-sent.v1",
                            caseData(golden.get("case.opinion-sent.v1"), jointCase, key, body, number, jointUnit, "JOINT").put("state", "OPINION_SENT")
                                    .put("sentOn", sent.toString()).put("dueOn", jointDue.toString()).put("onTime", true)));
                    count += 2;
                }
                if (pending.size() > 50_000) {
                    for (Future<RecordMetadata> f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            for (Future<RecordMetadata> f : pending) {
                f.get();
            }
        }
        return count;
    }

    private static ObjectNode caseData(ObjectNode template, UUID caseId, String suggestionId, String body, String number, String unit, String role) {
        return template.deepCopy().put("caseId", caseId.toString()).put("suggestionId", suggestionId).put("congressBody", body)
                .put("number", number).put("unitCode", unit).put("role", role);
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key, String source, String type,
            ObjectNode data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data.toString());
        record.headers().add("ce_specversion", "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_source", source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return producer.send(record);
    }
}
