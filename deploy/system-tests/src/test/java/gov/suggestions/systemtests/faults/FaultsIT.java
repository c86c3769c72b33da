package gov.suggestions.systemtests.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static gov.suggestions.systemtests.SuiteDatabases.countBy;
import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import gov.suggestions.systemtests.DeadLetters;
import gov.suggestions.systemtests.NoticeDeliveries;
import gov.suggestions.systemtests.ServiceProcess;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The suite under faults (issue 7): while a client registers and assigns suggestions, the broker is killed with -9
 * and started again, each service is killed with -9 and started again, and workflow-service's PostgreSQL server
 * crashes and comes back. Afterwards every answered request is stored, every event reached every consumer exactly
 * once in effect, nothing was done twice, and every service is ready again without anyone's help.
 */
class FaultsIT {

    private static final Duration READY = Duration.ofSeconds(300);
    private static final String DEPUTY = "D-FAULTS";
    private static final String DEPUTY_EMAIL = "d-faults@example.org";
    private static final String LEAD_UNIT = "faults-lead";
    private static final String JOINT_UNIT = "faults-joint";
    private static final String OFFICE_EMAIL = "office@faults-lead.example.org";
    private static final String OFFICE = TestTokens.role("congress-office").congressBody("shenzhen-npc").subject("faults-office").sign();
    private static final String SUPERVISOR = TestTokens.role("gov-supervisor").sign();
    private static final String SYSTEM = TestTokens.role("system").sign();

    private static Path root;
    private static BrokerProcess broker;
    private static OwnPostgres workflowPostgres;
    private static GreenMail smtp;
    private static WireMockServer smsGateway;
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/system-tests/target/faults");
        long start = System.nanoTime();
        broker = BrokerProcess.start(work);
        workflowPostgres = OwnPostgres.create(work.resolve("workflow-postgres"), "workflow_faults", "workflow");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smsGateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        smsGateway.start();
        smsGateway.stubFor(post(urlEqualTo("/sms/send"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"code\":\"OK\"}")));
        for (String service : List.of("suggestion", "notification", "reporting")) {
            emptyDatabase(service + "_faults", service);
        }
        broker.awaitListening(READY);

        String kafka = broker.bootstrapServers();
        services.put("suggestion-service", ServiceProcess.start(root, "suggestion-service", "suggestion_faults", "suggestion", kafka));
        services.put("workflow-service", ServiceProcess.start(root, "workflow-service", "workflow_faults", "workflow", kafka,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", workflowPostgres.jdbcUrl("workflow_faults"))));
        services.put("reporting-service", ServiceProcess.start(root, "reporting-service", "reporting_faults", "reporting", kafka));
        services.put("notification-service", ServiceProcess.start(root, "notification-service", "notification_faults", "notification",
                kafka, Map.of(
                        "MAIL_HOST", "127.0.0.1",
                        "MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()),
                        "SMS_GATEWAY_URL", smsGateway.baseUrl(),
                        "NOTIFICATION_REPLY_LETTER_LINK_BASE", "https://portal.suggestions.example/",
                        // equal values switch the SMS quiet hours off: the run may fall into them
                        "NOTIFICATION_SMS_QUIET_START", "00:00",
                        "NOTIFICATION_SMS_QUIET_END", "00:00",
                        // a notice interrupted by the kill goes again after the lease: short here, so the test need not wait 5 min
                        "NOTIFICATION_SENDING_LEASE", "PT15S",
                        "NOTIFICATION_INTERRUPTED_CHECK", "3s")));
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY);
        }
        System.out.printf("[figures] faults: suite started (broker, workflow-service's own PostgreSQL, 4 services) in %d ms%n",
                millisSince(start));

        referenceData();
    }

    @AfterAll
    static void stopSuite() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (workflowPostgres != null) {
            workflowPostgres.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (smsGateway != null) {
            smsGateway.stop();
        }
    }

    @Test
    void underFaultsEveryAnsweredRequestIsKeptEveryEventArrivesAndNothingHappensTwice() throws Exception {
        Traffic traffic = new Traffic(suggestionService().baseUri(), OFFICE, DEPUTY, LEAD_UNIT, JOINT_UNIT);
        traffic.start();
        awaitProgress(traffic, 3);

        // the broker machine dies: registrations go on (the outbox keeps the events), consumers wait
        broker.kill();
        Thread.sleep(3000);
        long back = System.nanoTime();
        broker.restart();
        broker.awaitListening(READY);
        long listening = millisSince(back);
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY);
        }
        long ready = millisSince(back);
        eventsFlowAgain(traffic);
        System.out.printf("[figures] faults: broker killed (-9) for 3 s: listening again %d ms after its restart, every service ready after "
                + "%d ms, a new suggestion's events through to workflow-service and reporting-service after %d ms%n",
                listening, ready, millisSince(back));

        for (ServiceProcess service : services.values()) {
            service.kill();
            long restarted = System.nanoTime();
            service.restart();
            service.awaitReady(READY);
            long readyAfter = millisSince(restarted);
            eventsFlowAgain(traffic);
            System.out.printf("[figures] faults: %s killed (-9) and started again: ready after %d ms, new events through after %d ms%n",
                    service.name, readyAfter, millisSince(restarted));
        }

        ServiceProcess workflow = services.get("workflow-service");
        // longer than the consumer's quick retries (5 × 0.5 s): events arriving meanwhile must wait, not be dead-lettered
        workflowPostgres.stopImmediately();
        Thread.sleep(15_000);
        long pgBack = System.nanoTime();
        workflowPostgres.start();
        workflow.awaitReady(READY);
        long workflowReady = millisSince(pgBack);
        eventsFlowAgain(traffic);
        System.out.printf("[figures] faults: workflow-service's PostgreSQL crashed (immediate stop) for 15 s: workflow-service ready %d ms "
                + "after it started again, new events through after %d ms%n", workflowReady, millisSince(pgBack));

        traffic.stop();
        List<Traffic.Suggestion> registered = traffic.registered();
        List<Traffic.Suggestion> assigned = traffic.assigned();
        assertEquals(registered, assigned, "the client assigns every suggestion it registered");
        assertTrue(assigned.size() >= 10, "the traffic ran through the faults: " + assigned.size() + " suggestions");
        long checks = System.nanoTime();

        everyAnsweredRegistrationIsStored(registered);
        everyAssignmentOpenedExactlyItsCases(assigned);
        theLedgerCountsEachCaseOnce(assigned);
        NoticeFigures notices = everyNoticeArrivedAtLeastOnceAndRepeatsCarryItsId(assigned);
        Map<String, Long> deadLettered = DeadLetters.count(broker.bootstrapServers(), DeadLetters.topics(root));
        long deadLetteredRecords = deadLettered.values().stream().mapToLong(Long::longValue).sum();
        for (ServiceProcess service : services.values()) {
            given().baseUri(service.managementUri()).when().get("/q/health/ready").then().statusCode(200);
        }

        System.out.printf("[figures] faults: requests answered 2xx %d, tries failed or timed out (and sent again) %d; suggestions "
                + "registered and stored %d, assigned %d; cases in workflow-service %d; ledger rows %d; notices %d (e-mails received %d "
                + "with %d distinct Message-IDs, SMS requests %d with %d distinct outIds, inbox %d); checks took %d ms%n",
                traffic.answered2xx(), traffic.failedTries(), registered.size(), assigned.size(), 2 * assigned.size(), 2 * assigned.size(),
                notices.notices, notices.emails, notices.distinctEmails, notices.smsRequests, notices.distinctSms, notices.inbox,
                millisSince(checks));
        System.out.printf("[figures] faults: notices lost %d, sent again after an interruption %d (repeats received with the same id: "
                + "e-mail %d, SMS %d); dead-lettered records %d %s%n", notices.lost, notices.resent, notices.emails - notices.distinctEmails,
                notices.smsRequests - notices.distinctSms, deadLetteredRecords, deadLettered);
        assertEquals(0, notices.lost, "notices lost");
        assertEquals(0, deadLetteredRecords, "records dead-lettered: " + deadLettered);
    }

    private static void everyAnsweredRegistrationIsStored(List<Traffic.Suggestion> registered) {
        for (Traffic.Suggestion s : registered) {
            given().baseUri(suggestionService().baseUri()).auth().oauth2(OFFICE)
                    .when().get("/api/v1/suggestions/" + s.id())
                    .then().statusCode(200).body("number", equalTo(s.number()));
        }
        given().baseUri(suggestionService().baseUri()).auth().oauth2(OFFICE).queryParam("congressBody", "shenzhen-npc").queryParam("size", 1)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(registered.size()));
    }

    /** In workflow-service exactly the two cases of each assignment; their progress back in suggestion-service. */
    private static void everyAssignmentOpenedExactlyItsCases(List<Traffic.Suggestion> assigned) {
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .baseUri(services.get("workflow-service").baseUri()).auth().oauth2(SUPERVISOR).queryParam("size", 1)
                .when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(2 * assigned.size())));
        for (Traffic.Suggestion s : assigned) {
            given().baseUri(services.get("workflow-service").baseUri()).auth().oauth2(SUPERVISOR).queryParam("suggestionId", s.id())
                    .when().get("/api/v1/cases")
                    .then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.unitCode", containsInAnyOrder(LEAD_UNIT, JOINT_UNIT));
        }
        for (Traffic.Suggestion s : assigned) {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                    .baseUri(suggestionService().baseUri()).auth().oauth2(OFFICE)
                    .when().get("/api/v1/suggestions/" + s.id())
                    .then().statusCode(200)
                    .body("caseProgress.unitCode", containsInAnyOrder(LEAD_UNIT, JOINT_UNIT))
                    .body("caseProgress.state", everyItem(equalTo("ASSIGNED"))));
        }
    }

    /** reporting-service's ledger: one row per case, each (suggestion, unit) once. */
    private static void theLedgerCountsEachCaseOnce(List<Traffic.Suggestion> assigned) throws SQLException {
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .baseUri(services.get("reporting-service").baseUri()).auth().oauth2(SUPERVISOR)
                .queryParam("congressBody", "shenzhen-npc").queryParam("size", 1)
                .when().get("/api/v1/ledger")
                .then().statusCode(200).body("total", equalTo(2 * assigned.size())));
        Map<String, Long> rows = countBy("reporting_faults", "reporting",
                "SELECT suggestion_id || '/' || unit_code, count(*) FROM report_case GROUP BY 1");
        Map<String, Long> expected = new HashMap<>();
        for (Traffic.Suggestion s : assigned) {
            expected.put(s.id() + "/" + LEAD_UNIT, 1L);
            expected.put(s.id() + "/" + JOINT_UNIT, 1L);
        }
        assertEquals(expected, rows, "ledger rows per (suggestion, unit)");
    }

    record NoticeFigures(long notices, long lost, long resent, int emails, long distinctEmails, int smsRequests, long distinctSms, int inbox) {
    }

    /**
     * Each assignment: the deputy by e-mail, SMS and inbox, the lead unit's office by e-mail and inbox — one notice each,
     * however often the event arrived. Every notice is SENT in the end (the providers here refuse nothing, so a notice
     * not SENT is lost); a send interrupted by a kill went again with the notice's id, so an e-mail or SMS received more
     * than once carries the same Message-ID or outId, at most twice, and no two ids were made for one notice.
     */
    private static NoticeFigures everyNoticeArrivedAtLeastOnceAndRepeatsCarryItsId(List<Traffic.Suggestion> assigned) throws SQLException {
        Map<String, Long> expected = assigned.stream().collect(Collectors.toMap(Traffic.Suggestion::id, s -> 5L));
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(expected,
                countBy("notification_faults", "notification",
                        "SELECT suggestion_id::text, count(*) FROM notification WHERE event_type = 'suggestion.assigned.v1' GROUP BY 1"),
                "notices per assigned suggestion"));
        // an interrupted notice is put back after the 15 s lease and sent: wait until none is due or being sent
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(Map.of(),
                countBy("notification_faults", "notification",
                        "SELECT channel || ' ' || status, count(*) FROM notification WHERE status IN ('PENDING', 'SENDING') GROUP BY 1"),
                "notices still due or being sent"));
        Map<String, Long> byStatus = countBy("notification_faults", "notification",
                "SELECT channel || ' ' || status, count(*) FROM notification GROUP BY 1");
        System.out.printf("[figures] faults: notices by channel and status %s%n", byStatus);
        long lost = countBy("notification_faults", "notification", "SELECT 'lost', count(*) FROM notification WHERE status <> 'SENT'")
                .getOrDefault("lost", 0L);
        if (lost > 0) {
            System.out.printf("[figures] faults: notices not sent: %s%n", countBy("notification_faults", "notification",
                    "SELECT channel || ' ' || coalesce(failure_reason, ''), count(*) FROM notification WHERE status <> 'SENT' GROUP BY 1"));
        }
        long resent = countBy("notification_faults", "notification",
                "SELECT 'resent', count(*) FROM delivery_attempt WHERE outcome = 'UNKNOWN'").getOrDefault("resent", 0L);

        given().baseUri(services.get("notification-service").baseUri())
                .auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(DEPUTY).subject("deputy-" + DEPUTY).sign()).queryParam("size", 1)
                .when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(assigned.size()));

        // e-mails counted by Message-ID and SMS by outId (the notice's id), which every try of a notice shares
        NoticeDeliveries delivered = NoticeDeliveries.of(smtp, smsGateway);
        delivered.eachNoticeArrivedOnceOrTwiceUnderItsId(NoticeDeliveries.noticeIds("notification_faults", "EMAIL"),
                NoticeDeliveries.noticeIds("notification_faults", "SMS"));
        // and no two ids were made for one letter
        Map<String, Set<String>> messageIdsByLetter = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : messageRecipients(message)) {
                messageIdsByLetter.computeIfAbsent(to + " " + subject(message), k -> new java.util.HashSet<>()).add(NoticeDeliveries.messageId(message));
            }
        }
        messageIdsByLetter.forEach((letter, ids) -> assertEquals(1, ids.size(), "Message-IDs of the e-mails to and about " + letter));
        Set<String> expectedEmails = new java.util.HashSet<>();
        for (Traffic.Suggestion s : assigned) {
            expectedEmails.add(DEPUTY_EMAIL + " 您的建议 " + s.number() + " 已交办");
            expectedEmails.add(OFFICE_EMAIL + " 新交办建议 " + s.number());
        }
        assertEquals(expectedEmails, messageIdsByLetter.keySet(), "e-mails about the assignments, each received");
        return new NoticeFigures(5L * assigned.size(), lost, resent, (int) delivered.emails(), delivered.byMessageId().size(),
                (int) delivered.smsRequests(), delivered.byOutId().size(), assigned.size());
    }

    /** Waits until the traffic has assigned {@code more} suggestions beyond what it had. */
    private static void awaitProgress(Traffic traffic, int more) {
        int now = traffic.assignedCount();
        await().atMost(READY).pollInterval(Duration.ofMillis(100)).until(() -> traffic.assignedCount() >= now + more);
    }

    /** Waits until a suggestion assigned from now on has its cases in workflow-service and its rows in the ledger. */
    private static void eventsFlowAgain(Traffic traffic) {
        awaitProgress(traffic, 1);
        Traffic.Suggestion latest = traffic.assigned().get(traffic.assignedCount() - 1);
        await().atMost(READY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .baseUri(services.get("workflow-service").baseUri()).auth().oauth2(SUPERVISOR).queryParam("suggestionId", latest.id())
                .when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(2)));
        await().atMost(READY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .baseUri(services.get("reporting-service").baseUri()).auth().oauth2(SUPERVISOR).queryParam("number", latest.number())
                .when().get("/api/v1/ledger")
                .then().statusCode(200).body("total", equalTo(2)));
    }

    /** Two units, the deputy with contacts (sent on to notification-service as an event), the lead unit's office as a recipient. */
    private static void referenceData() {
        String suggestions = suggestionService().baseUri();
        given().baseUri(suggestions).auth().oauth2(SYSTEM).contentType(ContentType.JSON)
                .body("""
                        [{"code":"shenzhen-npc","name":"深圳市人民代表大会","kind":"NPC"}]""")
                .when().post("/api/v1/congress-bodies/bulk").then().statusCode(200);
        given().baseUri(suggestions).auth().oauth2(SYSTEM).contentType(ContentType.JSON)
                .body("""
                        [{"code":"%s","name":"深圳市政务服务数据管理局","unifiedSocialCreditCode":"91440300MA5FAULT01"},
                         {"code":"%s","name":"深圳市发展和改革委员会","unifiedSocialCreditCode":"91440300MA5FAULT02"}]"""
                        .formatted(LEAD_UNIT, JOINT_UNIT))
                .when().post("/api/v1/units/bulk").then().statusCode(200);
        given().baseUri(suggestions).auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body("""
                        {"congressBody":"shenzhen-npc","id":"%s","name":"张某某","delegation":"南山代表团",
                         "phone":"13800000420","email":"%s"}""".formatted(DEPUTY, DEPUTY_EMAIL))
                .when().post("/api/v1/deputies").then().statusCode(201);
        given().baseUri(services.get("notification-service").baseUri()).auth().oauth2(SYSTEM).contentType(ContentType.JSON)
                .body("""
                        {"username":"office-faults-lead","name":"李某","unitCode":"%s","roles":["unit-office"],
                         "email":"%s","mobile":"13900000001","locale":"zh-CN"}""".formatted(LEAD_UNIT, OFFICE_EMAIL))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        // the deputy's contacts must have arrived before the first assignment notice is made
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> countBy("notification_faults", "notification",
                "SELECT deputy_id, count(*) FROM deputy_contact GROUP BY 1").containsKey(DEPUTY));
    }

    private static ServiceProcess suggestionService() {
        return services.get("suggestion-service");
    }

    private static Address[] messageRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
