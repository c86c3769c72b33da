package gov.suggestions.systemtests;

import static gov.suggestions.systemtests.SuiteDatabases.countBy;
import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;


import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import gov.suggestions.systemtests.demo.SeedYearLoader;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;

/**
 * A rollout: while a client loads the seed's year through the public APIs — registers, assigns, distributes,
 * replies, evaluates — every service in turn is stopped as Kubernetes stops a pod (SIGTERM, wait for the exit) and
 * started again, workflow-service running as two replicas of one consumer group so that its partitions are handed
 * over. Afterwards every write the client saw acknowledged exists once, no dead-letter topic holds a record (a record
 * that failed because its service was stopping is processed again, not dead-lettered), and every notice arrived at
 * least once and at most twice, a repeat with the same id.
 */
class RollingRestartIT {

    private static final Duration READY = Duration.ofSeconds(300);
    private static final Duration STOP = Duration.ofSeconds(60);

    private static Path root;
    private static InProcessKafka kafka;
    private static GreenMail mailServer;
    private static WireMockServer smsGateway;
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        kafka = InProcessKafka.start();
        // several partitions, so that the two workflow replicas each own some and hand them over at each stop
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic("suggestions", 4, (short) 1), new NewTopic("cases", 4, (short) 1))).all().get();
        }
        for (String service : List.of("suggestion", "workflow", "reporting", "notification")) {
            emptyDatabase(service + "_rolling", service);
        }
        mailServer = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mailServer.start();
        smsGateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        smsGateway.start();
        smsGateway.stubFor(WireMock.post(WireMock.urlEqualTo("/sms/send")).willReturn(WireMock.okJson("{\"code\":\"OK\"}")));
        String bootstrap = kafka.bootstrapServers();
        services.put("suggestion-service", ServiceProcess.start(root, "suggestion-service", "suggestion_rolling", "suggestion", bootstrap,
                Map.of(), "suggestion-service-rolling"));
        services.put("workflow-service-a", ServiceProcess.start(root, "workflow-service", "workflow_rolling", "workflow", bootstrap, Map.of(),
                "workflow-service-a"));
        services.put("workflow-service-b", ServiceProcess.start(root, "workflow-service", "workflow_rolling", "workflow", bootstrap, Map.of(),
                "workflow-service-b"));
        services.put("reporting-service", ServiceProcess.start(root, "reporting-service", "reporting_rolling", "reporting", bootstrap,
                Map.of(), "reporting-service-rolling"));
        services.put("notification-service", ServiceProcess.start(root, "notification-service", "notification_rolling", "notification",
                bootstrap, Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mailServer.getSmtp().getPort()),
                        "SMS_GATEWAY_URL", smsGateway.baseUrl(), "SMS_ACCESS_SECRET", "it-secret",
                        "NOTIFICATION_SMS_QUIET_START", "00:00", "NOTIFICATION_SMS_QUIET_END", "00:00",
                        "NOTIFICATION_REPLY_LETTER_LINK_BASE", "https://deputy.suggestions.example/",
                        "QUARKUS_REST_CLIENT_WORKFLOW_SERVICE_URL", services.get("workflow-service-a").baseUri(),
                        "NOTIFICATION_REPLY_LETTER_SERVICE_TOKEN", TestTokens.role("system").subject("notification-service").sign()),
                "notification-service-rolling"));
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY);
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        if (smsGateway != null) {
            smsGateway.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRollingRestartOfEveryServiceLosesNothingAndDeadLettersNothing() throws Exception {
        Path seedYear = root.resolve("deploy/local/demo/seed-year-2020.json");
        AtomicInteger failedLoads = new AtomicInteger();
        AtomicReference<SeedYearLoader.Loaded> loaded = new AtomicReference<>();
        long start = System.nanoTime();
        // the client: the loader is safe to run again (idempotency keys, each case advanced from its state), so a request
        // refused by a stopping service (503) or not answered at all is simply tried again by running it again
        Thread client = new Thread(() -> {
            while (loaded.get() == null && !Thread.currentThread().isInterrupted()) {
                try {
                    loaded.set(new SeedYearLoader(seedYear, services.get("suggestion-service").baseUri(),
                            services.get("workflow-service-a").baseUri(), services.get("reporting-service").baseUri())
                            .withNotifications(services.get("notification-service").baseUri()).load());
                } catch (Throwable e) {
                    failedLoads.incrementAndGet();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "seed-year-client");
        client.start();

        List<String> restarts = new ArrayList<>();
        for (String name : List.of("workflow-service-b", "suggestion-service", "workflow-service-a", "notification-service", "reporting-service",
                "workflow-service-b")) {
            Thread.sleep(4000); // let the client get on between two stops
            ServiceProcess service = services.get(name);
            long stopping = System.nanoTime();
            int exit = service.stopGracefully(STOP);
            long stopped = (System.nanoTime() - stopping) / 1_000_000;
            service.restart();
            service.awaitReady(READY);
            restarts.add("%s stopped in %d ms (exit %d), ready again after %d ms".formatted(name, stopped, exit, service.readyAfterMillis()));
        }
        client.join(Duration.ofMinutes(15).toMillis());
        client.interrupt();
        assertNotNull(loaded.get(), "the client loaded the seed's year through the rolling restart (" + failedLoads.get() + " runs cut short)");
        System.out.printf("[figures] rolling restart: %s; the client's year (%d suggestions) loaded in %d ms, %d runs of it cut short by a "
                + "stop and run again%n", String.join("; ", restarts), loaded.get().suggestions(), (System.nanoTime() - start) / 1_000_000,
                failedLoads.get());

        // every acknowledged write once: 30 suggestions, one case per (suggestion, unit), the ledger with each case once
        assertEquals(Map.of("suggestions", 30L), countBy("suggestion_rolling", "suggestion", "SELECT 'suggestions', count(*) FROM suggestion"));
        Map<String, Long> cases = countBy("workflow_rolling", "workflow",
                "SELECT suggestion_id || '/' || unit_code, count(*) FROM handling_case WHERE state <> 'CLOSED_BY_REASSIGNMENT' GROUP BY 1");
        assertEquals(56, cases.size(), "cases of the year");
        cases.forEach((key, count) -> assertEquals(1L, count, "cases of " + key));
        String supervisor = TestTokens.role("gov-supervisor").sign();
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .baseUri(services.get("reporting-service").baseUri()).auth().oauth2(supervisor)
                .queryParam("congressBody", "shenzhen-npc").queryParam("size", 1)
                .when().get("/api/v1/ledger").then().statusCode(200).body("total", equalTo(56)));

        // notices: all sent in the end, none lost; e-mails by Message-ID, SMS by outId, a repeat only with the same id
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(Map.of(),
                countBy("notification_rolling", "notification",
                        "SELECT channel || ' ' || status, count(*) FROM notification WHERE status IN ('PENDING', 'SENDING') GROUP BY 1"),
                "notices still due or being sent"));
        Map<String, Long> byStatus = countBy("notification_rolling", "notification", "SELECT channel || ' ' || status, count(*) FROM notification GROUP BY 1");
        long lost = byStatus.entrySet().stream().filter(e -> !e.getKey().endsWith(" SENT")).mapToLong(Map.Entry::getValue).sum();
        Set<String> emailNotices = NoticeDeliveries.noticeIds("notification_rolling", "EMAIL");
        Set<String> smsNotices = NoticeDeliveries.noticeIds("notification_rolling", "SMS");
        NoticeDeliveries delivered = NoticeDeliveries.of(mailServer, smsGateway);

        Map<String, Long> deadLettered = DeadLetters.count(kafka.bootstrapServers(), DeadLetters.topics(root));
        long deadLetteredRecords = deadLettered.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("[figures] rolling restart: notices %s; lost %d; e-mails received %d for %d notices (repeated with the same "
                + "Message-ID %d), SMS requests %d for %d notices (repeated with the same outId %d); dead-lettered records %d %s%n",
                byStatus, lost, delivered.emails(), emailNotices.size(), delivered.repeatedEmails(), delivered.smsRequests(), smsNotices.size(),
                delivered.repeatedSms(), deadLetteredRecords, deadLettered);

        assertEquals(0, lost, "notices not sent: " + byStatus);
        delivered.eachNoticeArrivedOnceOrTwiceUnderItsId(emailNotices, smsNotices);
        assertEquals(0, deadLetteredRecords, "records dead-lettered: " + deadLettered);
    }
}
