package gov.suggestions.systemtests;

import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import gov.suggestions.systemtests.OtlpReceiver.ReceivedSpan;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Support staff follow one suggestion through the suite by one trace id: the four packaged services export their spans
 * over OTLP to a receiver in this test, and the assignment of one suggestion (an HTTP request to suggestion-service)
 * must show up as one trace holding the work of all four, across two hops of the broker (suggestion.assigned.v1 to the
 * consumers, and the case.opened.v1 that workflow-service writes while handling it), SQL included. A service that
 * drops the trace context on its outbox, its record or its consumer splits the trace and fails this test.
 */
class TraceIT {

    private static final List<String> SERVICES = List.of("suggestion-service", "workflow-service", "notification-service",
            "reporting-service");
    private static final String TOKEN = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();
    private static final String DEPUTY = "李某某";
    private static final String TITLE = "关于完善社区养老服务设施的建议";

    private static InProcessKafka kafka;
    private static OtlpReceiver collector;
    private static GreenMail mailServer;
    private static WireMockServer smsGateway;
    private static ServiceProcess suggestionService;
    private static ServiceProcess workflowService;
    private static ServiceProcess notificationService;
    private static ServiceProcess reportingService;

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        kafka = InProcessKafka.start();
        collector = OtlpReceiver.start();
        for (String service : List.of("suggestion", "workflow", "notification", "reporting")) {
            emptyDatabase(service + "_trace", service);
        }
        mailServer = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mailServer.start();
        smsGateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        smsGateway.start();
        smsGateway.stubFor(WireMock.post(WireMock.urlEqualTo("/sms/send")).willReturn(WireMock.okJson("{\"code\":\"OK\"}")));
        // as deploy/k8s configures a collector: every trace recorded here, exported often so the test need not wait long
        Map<String, String> tracing = Map.of(
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        suggestionService = ServiceProcess.start(root, "suggestion-service", "suggestion_trace", "suggestion", kafka.bootstrapServers(), tracing);
        workflowService = ServiceProcess.start(root, "workflow-service", "workflow_trace", "workflow", kafka.bootstrapServers(), tracing);
        reportingService = ServiceProcess.start(root, "reporting-service", "reporting_trace", "reporting", kafka.bootstrapServers(), tracing);
        Map<String, String> notification = new TreeMap<>(tracing);
        notification.putAll(Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mailServer.getSmtp().getPort()),
                "SMS_GATEWAY_URL", smsGateway.baseUrl(), "SMS_ACCESS_SECRET", "it-secret",
                "NOTIFICATION_SMS_QUIET_START", "00:00", "NOTIFICATION_SMS_QUIET_END", "00:00",
                "NOTIFICATION_REPLY_LETTER_LINK_BASE", "https://deputy.suggestions.example/",
                "QUARKUS_REST_CLIENT_WORKFLOW_SERVICE_URL", workflowService.baseUri()));
        notificationService = ServiceProcess.start(root, "notification-service", "notification_trace", "notification",
                kafka.bootstrapServers(), notification);
        for (ServiceProcess service : List.of(suggestionService, workflowService, reportingService, notificationService)) {
            service.awaitReady(Duration.ofSeconds(300)); // four JVMs start at once on two cores
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {suggestionService, workflowService, notificationService, reportingService}) {
            if (service != null) {
                service.close();
            }
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        if (smsGateway != null) {
            smsGateway.stop();
        }
        if (collector != null) {
            collector.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void oneSuggestionsAssignmentIsOneTraceThroughAllFourServices() {
        String system = TestTokens.role("system").sign();
        String lead = createUnit(system, "牵头单位");
        String joint = createUnit(system, "会办单位");
        String number = "TR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = register(number);
        String etag = given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().header("ETag");
        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"units":[{"unitCode":"%s","role":"LEAD"},{"unitCode":"%s","role":"JOINT"}]}""".formatted(lead, joint))
                .when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String traceId = assignmentRequest(id).traceId();
            List<ReceivedSpan> trace = collector.spansOf(traceId);
            String summary = summary(trace);
            assertEquals(Set.copyOf(SERVICES), trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()),
                    "services in trace " + traceId + ": " + summary);
            // first hop: suggestion.assigned.v1, applied by each consumer under a span of the request's trace
            for (String consumer : List.of("workflow-service", "notification-service", "reporting-service")) {
                assertTrue(has(trace, consumer, "process suggestions"), consumer + " handled the assignment in trace " + traceId + ": " + summary);
            }
            // second hop: the case.opened.v1 events workflow-service wrote while applying it, in the same trace
            for (String consumer : List.of("suggestion-service", "notification-service", "reporting-service")) {
                assertTrue(has(trace, consumer, "process cases"), consumer + " handled the opened cases in trace " + traceId + ": " + summary);
            }
            for (String service : SERVICES) {
                assertTrue(trace.stream().anyMatch(span -> span.service().equals(service) && isSql(span)),
                        service + "'s SQL in trace " + traceId + ": " + summary);
            }
        });

        // a search's words stay out of the trace: its query string keeps the parameter names only
        String supervisor = TestTokens.role("gov-supervisor").sign();
        given().baseUri(reportingService.baseUri()).auth().oauth2(supervisor).queryParam("number", number)
                .when().get("/api/v1/ledger").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> collector.spans().stream()
                .anyMatch(span -> "/api/v1/ledger".equals(span.attributes().get("url.path"))));
        assertEquals("number=?", collector.spans().stream().filter(span -> "/api/v1/ledger".equals(span.attributes().get("url.path")))
                .findFirst().orElseThrow().attributes().get("url.query"));

        // no personal data or case content in any recorded span
        for (ReceivedSpan span : collector.spans()) {
            for (Map.Entry<String, String> attribute : span.attributes().entrySet()) {
                String value = attribute.getValue();
                assertFalse(value.contains(DEPUTY) || value.contains(TITLE) || value.contains(number),
                        span.service() + " span " + span.name() + " attribute " + attribute.getKey() + " holds personal data or case content");
            }
        }
    }

    private static ReceivedSpan assignmentRequest(String id) {
        String path = "/api/v1/suggestions/" + id + "/assignment";
        return collector.spans().stream()
                .filter(span -> span.service().equals("suggestion-service") && span.kind().equals("SPAN_KIND_SERVER")
                        && path.equals(span.attributes().get("url.path")))
                .findFirst().orElseThrow(() -> new AssertionError("no server span of " + path + " among " + collector.spans().size()));
    }

    private static boolean has(List<ReceivedSpan> trace, String service, String name) {
        return trace.stream().anyMatch(span -> span.service().equals(service) && span.name().equals(name));
    }

    private static boolean isSql(ReceivedSpan span) {
        return "postgresql".equals(span.attributes().get("db.system")) || "postgresql".equals(span.attributes().get("db.system.name"));
    }

    private static String summary(List<ReceivedSpan> trace) {
        return trace.stream().collect(Collectors.groupingBy(ReceivedSpan::service, TreeMap::new,
                Collectors.mapping(ReceivedSpan::name, Collectors.toCollection(java.util.TreeSet::new)))).toString();
    }

    private static String createUnit(String systemToken, String name) {
        return SuiteFixtures.createUnit(suggestionService.baseUri(), systemToken, "tr-", name);
    }

    private static String register(String number) {
        return SuiteFixtures.register(suggestionService.baseUri(), TOKEN, number, TITLE, "建议增加社区日间照料中心。",
                """
                {"id":"D-0421","name":"%s","delegation":"福田代表团"}""".formatted(DEPUTY));
    }
}
