package gov.suggestions.notification.event;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.InjectKafkaBroker;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** A receiving system (WireMock) that verifies every POST the way the README tells receivers to. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class WebhookDeliveryTest {

    private static final String SECRET = "a-long-shared-secret-" + Events.fresh();
    private static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    /** Injected by KafkaBrokerResource, in this JVM: also when the test runs against the packaged application. */
    @InjectKafkaBroker
    InProcessKafka broker;

    CloudEventProducer producer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void openProducer() {
        producer = Events.producer(broker.bootstrapServers());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    /** The receiver's side: HMAC-SHA256 with the shared secret over timestamp + "." + body, hex, prefixed "sha256=". */
    static boolean verifies(LoggedRequest request, String secret) throws Exception {
        String timestamp = request.getHeader("X-Signature-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(request.getHeader("X-Signature"))
                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
    }

    private static String subscribe(String path, String... eventTypes) {
        return given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"name":"市民端 App","url":"%s","eventTypes":["%s"],"secret":"%s","enabled":true}"""
                        .formatted(WireMockResource.server().baseUrl() + path, String.join("\",\"", eventTypes), SECRET))
                .when().post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).body("$", not(hasKey("secret")))
                .extract().path("id");
    }

    @Test
    void subscribedEventsArePostedSignedAndRetriedUntilTheReceiverTakesThem() throws Exception {
        String path = "/hooks/" + Events.fresh();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        WireMockResource.server().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        subscribe(path, "case.concluded.v1");
        String suggestionId = Events.fresh();
        String eventId = Events.fresh();
        String data = Events.caseEvent(Events.fresh(), suggestionId, "20200055", Events.unit(), "CONCLUDED");
        Instant beforeSending = Instant.now();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.concluded.v1", data);
        Instant sent = Instant.now();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.concluded.v1", data);
        // a type not subscribed to is not forwarded
        producer.send("cases", suggestionId, Events.fresh(), "/workflow-service", "case.replied.v1", data);

        await().atMost(Duration.ofSeconds(30)).until(() -> WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path))).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path))).size() == 2);
        List<LoggedRequest> posts = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)));
        for (LoggedRequest post : posts) {
            assertTrue(verifies(post, SECRET), "signature verifies: " + post.getHeader("X-Signature"));
            assertTrue(!verifies(post, SECRET + "x"), "and not with another secret");
        }
        JsonNode event = new ObjectMapper().readTree(posts.get(1).getBodyAsString());
        assertEquals(eventId, event.path("id").asText());
        assertEquals("case.concluded.v1", event.path("type").asText());
        assertEquals("/workflow-service", event.path("source").asText());
        assertEquals("20200055", event.path("data").path("number").asText());
        assertEquals(posts.get(0).getBodyAsString(), posts.get(1).getBodyAsString(), "every try sends the same event");
        for (LoggedRequest post : posts) {
            assertEquals(JsonFormat.CONTENT_TYPE, post.getHeader("Content-Type"), "structured mode");
            CloudEvent received = cloudEvent(post);
            assertEquals(SpecVersion.V1, received.getSpecVersion());
            assertEquals(eventId, received.getId());
            assertEquals(URI.create("/workflow-service"), received.getSource());
            assertEquals("case.concluded.v1", received.getType());
            assertEquals(suggestionId, received.getSubject());
            assertEquals("application/json", received.getDataContentType());
            assertEquals("20200055", new ObjectMapper().readTree(received.getData().toBytes()).path("number").asText());
            // the first delivery's time, which its publisher set while sending it (the repeat is dropped by the inbox)
            Instant time = received.getTime().toInstant();
            assertTrue(!time.isBefore(beforeSending) && !time.isAfter(sent), time + " within " + beforeSending + " .. " + sent);
        }
        assertEquals(posts.get(0).getHeader("X-Notification-Id"), posts.get(1).getHeader("X-Notification-Id"), "one notice, retried");
        assertEquals(posts.get(0).getHeader("X-Notification-Id"), posts.get(0).getHeader("webhook-id"), "the Standard Webhooks id is the notice's");
        assertEquals(posts.get(0).getHeader("webhook-id"), posts.get(1).getHeader("webhook-id"), "one webhook-id across the tries");
    }

    @Test
    void theEventsTimeIsPassedOnAsItsPublisherSetItElseWhenItArrived() throws Exception {
        String path = "/hooks/" + Events.fresh();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        subscribe(path, "case.overdue.v1");
        String suggestionId = Events.fresh();
        String timed = Events.fresh();
        String untimed = Events.fresh();
        String data = Events.caseEvent(Events.fresh(), suggestionId, "20200056", Events.unit(), "OVERDUE");
        sendRaw(suggestionId, timed, "case.overdue.v1", "2020-08-21T09:30:15.250+08:00", data);
        Instant beforeSending = Instant.now();
        sendRaw(suggestionId, untimed, "case.overdue.v1", null, data);

        await().atMost(Duration.ofSeconds(30)).until(() -> WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path))).size() == 2);
        Instant received = Instant.now();
        List<LoggedRequest> posts = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)));
        LoggedRequest ofTimed = posts.stream().filter(p -> p.getBodyAsString().contains(timed)).findFirst().orElseThrow();
        LoggedRequest ofUntimed = posts.stream().filter(p -> p.getBodyAsString().contains(untimed)).findFirst().orElseThrow();

        assertEquals("2020-08-21T09:30:15.25+08:00", rawTime(ofTimed), "as the publisher wrote it, its offset kept");
        assertEquals(OffsetDateTime.parse("2020-08-21T09:30:15.250+08:00"), cloudEvent(ofTimed).getTime());
        assertTrue(verifies(ofTimed, SECRET), "the signature covers the time too");

        Instant arrived = cloudEvent(ofUntimed).getTime().toInstant();
        assertTrue(rawTime(ofUntimed).endsWith("Z"), "in UTC: " + rawTime(ofUntimed));
        assertTrue(!arrived.isBefore(beforeSending) && !arrived.isAfter(received), arrived + " within " + beforeSending + " .. " + received);
    }

    /** The body parsed the way a receiver using the CloudEvents SDK does. */
    private static CloudEvent cloudEvent(LoggedRequest post) {
        return new JsonFormat().deserialize(post.getBody());
    }

    /** The {@code time} attribute as sent, checked to be RFC 3339 (date-time with a seconds field and an offset or Z). */
    private static String rawTime(LoggedRequest post) throws Exception {
        String time = new ObjectMapper().readTree(post.getBodyAsString()).path("time").asText(null);
        assertNotNull(time, "time is sent: " + post.getBodyAsString());
        assertTrue(RFC_3339.matcher(time).matches(), "RFC 3339: " + time);
        return time;
    }

    /** A record as a publisher writes it, with {@code ce_time} as given or none (CloudEventProducer always sets it to now). */
    private void sendRaw(String key, String eventId, String type, String time, String data) throws Exception {
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("cases", key, data);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/workflow-service".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            if (time != null) {
                record.headers().add("ce_time", time.getBytes(StandardCharsets.UTF_8));
            }
            raw.send(record).get();
        }
    }

    @Test
    void contactDataCannotBeSubscribedAndOnlyTheSystemManagesSubscriptions() {
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"name":"x","url":"https://x.example.gov.cn/h","eventTypes":["deputy.contact-updated.v1"],"secret":"%s","enabled":true}"""
                        .formatted(SECRET))
                .when().post("/api/v1/webhook-subscriptions").then().statusCode(409);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).contentType(ContentType.JSON)
                .when().get("/api/v1/webhook-subscriptions").then().statusCode(403);
        String id = subscribe("/hooks/" + Events.fresh(), "case.closed.v1");
        given().auth().oauth2(TestTokens.role("system").sign()).when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(428);
        given().auth().oauth2(TestTokens.role("system").sign()).header("If-Match", "\"7\"")
                .when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(412);
        given().auth().oauth2(TestTokens.role("system").sign()).header("If-Match", "\"0\"")
                .when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.role("system").sign()).when().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
    }
}
