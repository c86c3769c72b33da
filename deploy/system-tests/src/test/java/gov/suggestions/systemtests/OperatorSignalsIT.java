package gov.suggestions.systemtests;

import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * What operators are alerted on exists where the alert looks for it: the four packaged services run against a real broker
 * and PostgreSQL (databases {@code <service>_signals}), and every metric each alert of deploy/k8s/components/monitoring and
 * each dashboard panel reads is scraped from {@code /q/metrics} of the services that expose it (AlertRules.EXPOSED_BY).
 * Some signals are driven for real: a poison message raises the dead-letter counter by what the dead-letter topic received,
 * and events written while the broker is down show as the outbox's backlog and age, which go back to 0 once it returns.
 */
class OperatorSignalsIT {

    private static final String TOKEN = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();
    private static final String DLQ = "workflow-service.suggestions.dlq";

    private static Path root;
    private static InProcessKafka kafka;
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        kafka = InProcessKafka.start();
        // the gauges read from the database are counted every second here (15 s in production)
        Map<String, String> quick = Map.of("SIGNALS_REFRESH_EVERY", "1s");
        for (String service : List.of("suggestion", "workflow", "reporting")) {
            emptyDatabase(service + "_signals", service);
            SERVICES.put(service + "-service", ServiceProcess.start(root, service + "-service", service + "_signals", service,
                    kafka.bootstrapServers(), quick, service + "-service-signals"));
        }
        emptyDatabase("notification_signals", "notification");
        Map<String, String> notification = new java.util.HashMap<>(quick);
        // no notice is delivered here: the providers are addresses nothing listens on
        notification.putAll(Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", "9", "SMS_GATEWAY_URL", "http://127.0.0.1:9",
                "SMS_ACCESS_SECRET", "it-secret", "NOTIFICATION_REPLY_LETTER_LINK_BASE", "https://deputy.suggestions.example/",
                "QUARKUS_REST_CLIENT_WORKFLOW_SERVICE_URL", SERVICES.get("workflow-service").baseUri()));
        SERVICES.put("notification-service", ServiceProcess.start(root, "notification-service", "notification_signals", "notification",
                kafka.bootstrapServers(), notification, "notification-service-signals"));
        for (ServiceProcess service : SERVICES.values()) {
            service.awaitReady(Duration.ofSeconds(300)); // four JVMs start at once on two cores
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyMetricAnAlertOrADashboardPanelReadsIsExposedByTheServicesItIsAbout() {
        // a case open in a unit: the overdue gauge has one series per unit owing replies
        String unit = openCaseInANewUnit();
        for (ServiceProcess service : SERVICES.values()) {
            // an API request, so each service has a series of HTTP requests (health and metrics are not counted)
            given().baseUri(service.baseUri()).when().get("/api/v1/no-such-resource").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        }
        Map<String, List<String>> readBy = new TreeMap<>();
        AlertRules.alerts(root).forEach(a -> AlertRules.metricNames(a.expr())
                .forEach(m -> readBy.computeIfAbsent(m, k -> new ArrayList<>()).add("alert " + a.name())));
        AlertRules.dashboardQueries(root).forEach(q -> AlertRules.metricNames(q)
                .forEach(m -> readBy.computeIfAbsent(m, k -> new ArrayList<>()).add("dashboard")));
        readBy.remove("up"); // Prometheus's own, about each scrape
        assertTrue(readBy.keySet().containsAll(List.of("suggestions_outbox_unpublished_events", "suggestions_events_dead_lettered_total",
                "kafka_consumer_fetch_manager_records_lag", "suggestions_notices_failed_total", "suggestions_cases_overdue")),
                "the alerts read the suite's signals: " + readBy.keySet());

        // the Kafka client reports a partition's lag once it has fetched from it; the gauges after their first count
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> missing = new ArrayList<>();
            readBy.forEach((metric, readers) -> {
                List<String> services = AlertRules.EXPOSED_BY.get(metric);
                assertTrue(services != null && !services.isEmpty(), metric + " (read by " + readers + ") is exposed by no known service");
                for (String service : services) {
                    if (!exposes(scrape(service), metric)) {
                        missing.add(service + " " + metric + " (read by " + readers + ")");
                    }
                }
            });
            assertEquals(List.of(), missing, "metrics the alerts and the dashboard read but the services do not expose");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                value(scrape("workflow-service"), "suggestions_cases_overdue", "unit=\"" + unit + "\"", "congress_body=\"shenzhen-npc\"") >= 0,
                "the overdue gauge counts the unit " + unit + " that owes a reply"));
        for (String channel : List.of("EMAIL", "SMS", "INBOX", "WEBHOOK")) {
            assertTrue(value(scrape("notification-service"), "suggestions_notices_failed_total", "channel=\"" + channel + "\"") >= 0,
                    "a series of failed notices for channel " + channel + " from the start");
        }
    }

    @Test
    void aPoisonMessageRaisesTheDeadLetterCounterByWhatTheDeadLetterTopicReceived() {
        String series = "channel=\"suggestion-events\"";
        String topic = "dead_letter_topic=\"" + DLQ + "\"";
        double before = value(scrape("workflow-service"), "suggestions_events_dead_lettered_total", series, topic);
        long inTopicBefore = DeadLetters.count(kafka.bootstrapServers(), List.of(DLQ)).get(DLQ);
        assertEquals(inTopicBefore, (long) before, "the counter starts where the dead-letter topic stands");

        try (CloudEventProducer producer = new CloudEventProducer(kafka.bootstrapServers())) {
            String key = UUID.randomUUID().toString();
            producer.send("suggestions", key, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.submitted.v1", "this is not json");
            producer.send("suggestions", key, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.submitted.v1",
                    "{\"suggestionId\":\"" + key + "\"}");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertEquals(before + 2,
                value(scrape("workflow-service"), "suggestions_events_dead_lettered_total", series, topic), "two records dead-lettered"));
        assertEquals(inTopicBefore + 2, DeadLetters.count(kafka.bootstrapServers(), List.of(DLQ)).get(DLQ),
                "the counter says what the dead-letter topic received");
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownShowAsTheOutboxBacklogAndAgeUntilItReturns() {
        kafka.stop();
        try {
            register(freshNumber());
            register(freshNumber());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                String metrics = scrape("suggestion-service");
                assertTrue(value(metrics, "suggestions_outbox_unpublished_events") >= 2, "two events wait in the outbox");
                assertTrue(value(metrics, "suggestions_outbox_oldest_unpublished_age_seconds") >= 1, "the oldest has waited a while");
            });
        } finally {
            kafka.restart();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String metrics = scrape("suggestion-service");
            assertEquals(0.0, value(metrics, "suggestions_outbox_unpublished_events"), "the outbox drained");
            assertEquals(0.0, value(metrics, "suggestions_outbox_oldest_unpublished_age_seconds"), "no event waits");
        });
    }

    private static String scrape(String service) {
        return given().baseUri(SERVICES.get(service).managementUri()).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Whether the exposition holds a sample of {@code metric} (with or without labels). */
    private static boolean exposes(String metrics, String metric) {
        return metrics.lines().anyMatch(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "));
    }

    /** The sum of the samples of {@code metric} whose labels include every one of {@code labels} ({@code key="value"}); NaN when none. */
    private static double value(String metrics, String metric, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.lines().toList()) {
            if (!(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            String labelText = line.startsWith(metric + "{") ? line.substring(metric.length(), line.lastIndexOf('}') + 1) : "";
            if (List.of(labels).stream().allMatch(labelText::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    private static String openCaseInANewUnit() {
        String system = TestTokens.role("system").sign();
        String unit = SuiteFixtures.createUnit(SERVICES.get("suggestion-service").baseUri(), system, "it-", "信号单位");
        String id = register(freshNumber());
        String etag = given().baseUri(SERVICES.get("suggestion-service").baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().header("ETag");
        given().baseUri(SERVICES.get("suggestion-service").baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"units":[{"unitCode":"%s","role":"LEAD"}]}""".formatted(unit))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        return unit;
    }

    private static String register(String number) {
        return SuiteFixtures.register(SERVICES.get("suggestion-service").baseUri(), TOKEN, number, "关于完善运维告警的建议",
                "建议为积压与死信设置告警。", """
                {"id":"D-0421","name":"李某某","delegation":"福田代表团"}""");
    }

    private static String freshNumber() {
        return "SG" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
