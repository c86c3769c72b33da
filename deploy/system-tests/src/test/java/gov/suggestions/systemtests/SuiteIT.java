package gov.suggestions.systemtests;

import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import gov.suggestions.systemtests.contract.OneContract;
import gov.suggestions.systemtests.demo.SeedYearLoader;
import gov.suggestions.systemtests.migration.MigratedYear;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaged suggestion-service and workflow-service as separate processes, each with its own
 * PostgreSQL database, talking only through a real Kafka broker that this test can stop and restart.
 * <p>
 * Over 400 lines on purpose: the packaged services and the broker start once for all these scenarios, each a method
 * whose length is its end-to-end steps.
 */
class SuiteIT {

    private static InProcessKafka kafka;
    private static ServiceProcess suggestionService;
    private static ServiceProcess workflowService;
    private static ServiceProcess reportingService;
    private static ServiceProcess notificationService;
    /** The SMTP server and the SMS gateway notification-service delivers to. */
    private static GreenMail mailServer;
    private static WireMockServer smsGateway;
    private static final String REPLY_LETTER_PORTAL = "https://deputy.suggestions.example/";
    private static final String TOKEN = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        kafka = InProcessKafka.start();
        emptyDatabase("suggestion_it", "suggestion");
        emptyDatabase("workflow_it", "workflow");
        emptyDatabase("reporting_it", "reporting");
        emptyDatabase("notification_it", "notification");
        mailServer = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mailServer.start();
        smsGateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        smsGateway.start();
        smsGateway.stubFor(WireMock.post(WireMock.urlEqualTo("/sms/send"))
                .willReturn(WireMock.okJson("{\"code\":\"OK\"}")));
        suggestionService = ServiceProcess.start(root, "suggestion-service", "suggestion_it", "suggestion", kafka.bootstrapServers());
        workflowService = ServiceProcess.start(root, "workflow-service", "workflow_it", "workflow", kafka.bootstrapServers());
        reportingService = ServiceProcess.start(root, "reporting-service", "reporting_it", "reporting", kafka.bootstrapServers());
        notificationService = ServiceProcess.start(root, "notification-service", "notification_it", "notification", kafka.bootstrapServers(),
                Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mailServer.getSmtp().getPort()),
                        "SMS_GATEWAY_URL", smsGateway.baseUrl(), "SMS_ACCESS_SECRET", "it-secret",
                        // quiet hours off: the test runs at any hour
                        "NOTIFICATION_SMS_QUIET_START", "00:00", "NOTIFICATION_SMS_QUIET_END", "00:00",
                        "NOTIFICATION_REPLY_LETTER_LINK_BASE", REPLY_LETTER_PORTAL,
                        "QUARKUS_REST_CLIENT_WORKFLOW_SERVICE_URL", workflowService.baseUri(),
                        "NOTIFICATION_REPLY_LETTER_SERVICE_TOKEN", TestTokens.role("system").subject("notification-service").sign()));
        for (ServiceProcess service : List.of(suggestionService, workflowService, reportingService, notificationService)) {
            service.awaitReady(Duration.ofSeconds(300)); // generous: four JVMs start at once on two cores
        }
        Thread.sleep(3000); // let start-up settle before reading idle memory
        for (ServiceProcess service : List.of(suggestionService, workflowService, reportingService, notificationService)) {
            System.out.printf("[figures] %s ready after %d ms (started together with the other services), RSS %d MiB%n",
                    service.name, service.readyAfterMillis(), service.rssMiB());
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        if (suggestionService != null) {
            suggestionService.close();
        }
        if (workflowService != null) {
            workflowService.close();
        }
        if (reportingService != null) {
            reportingService.close();
        }
        if (notificationService != null) {
            notificationService.close();
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

    @AfterEach
    void brokerBack() {
        kafka.restart();
    }

    @Test
    void registeredSuggestionCrossesTheBrokerIntoWorkflowServicesDatabase() {
        String number = freshNumber();
        long start = System.nanoTime();
        String id = register(number);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> given()
                .baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("congressBody", equalTo("shenzhen-npc")));
        System.out.printf("[figures] registration to visible in workflow-service: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void withTheBrokerDownRegistrationStillSucceedsAndEveryEventArrivesWhenItReturns() {
        kafka.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register(freshNumber()));
        }
        for (String id : ids) {
            given().baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                    .when().get("/api/v1/received-suggestions/" + id)
                    .then().statusCode(404);
        }

        kafka.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String id : ids) {
                given().baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                        .when().get("/api/v1/received-suggestions/" + id)
                        .then().statusCode(200);
            }
        });
        System.out.printf("[figures] after the broker returned, all %d waiting events arrived within %d ms%n",
                ids.size(), (System.nanoTime() - back) / 1_000_000);
    }

    @Test
    void assignmentOpensOneCasePerUnitInWorkflowServiceAndTheirProgressComesBack() {
        String system = TestTokens.role("system").sign();
        String lead = createUnit(system, "牵头单位");
        String joint = createUnit(system, "会办单位");
        String number = freshNumber();
        String id = register(number);
        String etag = given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().header("ETag");

        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"units":[{"unitCode":"%s","role":"LEAD"},{"unitCode":"%s","role":"JOINT"}]}""".formatted(lead, joint))
                .when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(200);

        // suggestion.assigned.v1 crosses to workflow-service, which opens a case per unit ...
        String supervisor = TestTokens.role("gov-supervisor").sign();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(workflowService.baseUri()).auth().oauth2(supervisor).queryParam("suggestionId", id)
                .when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.unitCode == '%s' }.role".formatted(lead), equalTo("LEAD"))
                .body("items.find { it.unitCode == '%s' }.role".formatted(joint), equalTo("JOINT")));
        // ... and each case.opened.v1 crosses back on the cases topic into the suggestion's progress
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200)
                .body("caseProgress.size()", equalTo(2))
                .body("caseProgress.state", everyItem(equalTo("ASSIGNED"))));
        // ... and reporting-service's ledger, built only from the two topics, lists both cases
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(reportingService.baseUri()).auth().oauth2(supervisor).queryParam("number", number)
                .when().get("/api/v1/ledger")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.unitCode == '%s' }.role".formatted(lead), equalTo("LEAD"))
                .body("items.find { it.unitCode == '%s' }.state".formatted(joint), equalTo("ASSIGNED"))
                .body("items.title", everyItem(equalTo("关于推进审批服务便民化的建议"))));
    }

    @Test
    void theSeedsYearLoadedThroughThePublicApisGivesTheSeedsSummaryLedgerAndNotices() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        Path seedYear = root.resolve("deploy/local/demo/seed-year-2020.json");
        long start = System.nanoTime();
        SeedYearLoader.Loaded loaded = new SeedYearLoader(seedYear, suggestionService.baseUri(), workflowService.baseUri(),
                reportingService.baseUri()).withNotifications(notificationService.baseUri()).load();
        System.out.printf("[figures] the seed's year (%d suggestions, %d cases of %s) loaded through the APIs in %d ms%n",
                loaded.suggestions(), loaded.casesAdvanced(), loaded.unit(), (System.nanoTime() - start) / 1_000_000);

        String unitOffice = TestTokens.role("unit-office").unit("sz-zsj").subject("office-sz-zsj").sign();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/sz-zsj/2020")
                .then().statusCode(200)
                .body(containsString("(一)办理数量及主要内容。今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,"
                        + "6件已收到人大代表“满意”评价,1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。"
                        + "内容主要涉及智慧城市和“数字政府”建设、审批服务便民化、数据立法、政务数据共享等。"))
                .body(containsString("| 索引号 | 11440300MB2C92413C/2020-00001 |"))
                // section 三: the five replies with measures, in number order, each with its measures
                .body(containsString("### (一)第20200041号《关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议》。\n\n1.支持开展区块链试点应用。"))
                .body(containsString("### (二)第20200055号《关于先行先试加快区块链产业发展的建议》。"))
                .body(containsString("### (三)第20200101号《关于推进审批服务便民化的建议》。"))
                .body(containsString("### (四)第20200226号《关于先行先试加快区块链产业发展的建议》。\n\n1.推动《深圳经济特区数据条例》立法工作。"))
                .body(containsString("### (五)第20200267号《关于进一步打破数据壁垒加快政务数据共享应用的建议》。"))
                .body(not(containsString("第20200130号"))));

        JsonPath data = new JsonPath(Files.readString(seedYear));
        theLedgerHoldsTheYearWithTheDeputiesToldOfEachReply(data, unitOffice);
        everyNoticeOfTheYearArrivedOnce(data);
        // the seed's notices only: the migrated year's deputies may still be told of its live steps meanwhile
        int mails = seedMails();
        long sms = seedSms();
        System.out.printf("[figures] the seed's year: %d e-mails and %d SMS delivered to deputies and staff%n", mails, sms);

        // loading again changes nothing: registrations replay, cases are past their steps, nobody is told twice
        new SeedYearLoader(seedYear, suggestionService.baseUri(), workflowService.baseUri(), reportingService.baseUri())
                .withNotifications(notificationService.baseUri()).load();
        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).queryParam("unit", "sz-zsj").queryParam("size", 100)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(30));
        Thread.sleep(3000); // a notice made twice would be sent within the dispatcher's 1 s rounds
        assertEquals(mails, seedMails(), "e-mails after loading the year again");
        assertEquals(sms, seedSms(), "SMS after loading the year again");

        // a data file whose number 20200055 has other content than the suite holds: refused in one line, nothing changed
        Path conflicting = Files.createTempFile("seed-year-conflict", ".json");
        Files.writeString(conflicting, Files.readString(seedYear).replace("关于先行先试加快区块链产业发展的建议", "关于另一件事的建议"));
        SeedYearLoader.SeedConflict conflict = assertThrows(SeedYearLoader.SeedConflict.class, () -> new SeedYearLoader(conflicting,
                suggestionService.baseUri(), workflowService.baseUri(), reportingService.baseUri()).load());
        Files.delete(conflicting);
        assertTrue(conflict.getMessage().contains("20200055") && conflict.getMessage().contains("up.sh --fresh --demo")
                && !conflict.getMessage().contains("\n"), conflict.getMessage());
        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).queryParam("unit", "sz-zsj").queryParam("size", 100)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(30)).body("items.title", not(hasItem("关于另一件事的建议")));
    }

    /**
     * A unit adopting the suite at the end of a year brings last year's handling and its cases in hand through the public
     * APIs (suggestion-service's import with the assignments, workflow-service's case import with every step and its real
     * date), finishes the cases in hand live, and reporting-service gives the year's figures, ledger, scorecard and summary
     * as if the year had been handled here: every expected figure below is counted by hand from {@link MigratedYear.Block}.
     * Nobody is told again of what happened on the old platform; importing the same files again changes nothing.
     */
    @Test
    void aYearMigratedFromThePreviousPlatformGivesFigureByFigureWhatTheYearWouldHaveGivenHere() throws Exception {
        MigratedYear m = new MigratedYear(suggestionService.baseUri(), workflowService.baseUri());
        m.referenceData();
        int y = m.year;
        String office = MigratedYear.office();
        String unitOffice = m.unitOffice();

        // a row whose assignment lies in the future is refused naming the field, and nothing of it is stored
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) m.suggestionRows().get("rows");
        Map<String, Object> future = new java.util.LinkedHashMap<>(rows.get(0));
        future.put("assignment", Map.of("assignedOn", m.today.plusDays(2).toString(), "units", List.of(Map.of("unitCode", m.unit, "role", "SOLE"))));
        given().baseUri(suggestionService.baseUri()).auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("rows", List.of(future)))
                .when().post("/api/v1/suggestion-imports")
                .then().statusCode(200).body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors[0].reason", containsString("assignment.assignedOn"));
        given().baseUri(suggestionService.baseUri()).auth().oauth2(office).queryParam("unit", m.unit)
                .when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));

        // the suggestions with the assignments they had: 41 of year Y, 2 of this year
        long start = System.nanoTime();
        given().baseUri(suggestionService.baseUri()).auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("rows", rows))
                .when().post("/api/v1/suggestion-imports")
                .then().statusCode(200).body("accepted", equalTo(43)).body("unchanged", equalTo(0)).body("rejected", equalTo(0));

        // a case whose reply is dated before its distribution is rejected naming the step's field; the case stays as it was
        Map<String, Object> file = m.caseFile();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = new ArrayList<>((List<Map<String, Object>>) cases.get(0).get("steps"));
        Map<String, Object> early = new java.util.LinkedHashMap<>(steps.get(2));
        early.put("issuedOn", m.day(3, 11).toString());
        steps.set(2, early);
        Map<String, Object> refused = new java.util.LinkedHashMap<>(cases.get(0));
        refused.put("steps", steps);
        Map<String, Object> rejected = m.importCases(Map.of("cases", List.of(refused)), Duration.ofSeconds(60)).get(0);
        assertEquals("REJECTED", rejected.get("outcome"), rejected.toString());
        assertEquals("steps[2].issuedOn", rejected.get("field"), rejected.toString());
        MigratedYear.Planned first = m.of(MigratedYear.Block.ON_TIME).get(0);
        assertEquals("ASSIGNED", m.read(m.caseOf(first)).getString("state"));

        // every case with its steps: each passes the live rules with its own date
        List<Map<String, Object>> imported = m.importCases(file, Duration.ofSeconds(60));
        assertEquals(List.of(), imported.stream().filter(r -> !"IMPORTED".equals(r.get("outcome"))).map(Object::toString).toList(), "cases not imported");
        System.out.printf("[figures] a year migrated (43 suggestions, %d steps of %d cases) in %d ms%n",
                cases.stream().mapToInt(c -> ((List<?>) c.get("steps")).size()).sum(), cases.size(), (System.nanoTime() - start) / 1_000_000);

        // the extended case's deadline moved; the re-handled one has two letters numbered in year Y; the cases in hand stand where they stood
        MigratedYear.Planned extended = m.of(MigratedYear.Block.EXTENDED).get(0);
        assertEquals(m.day(7, 10).toString(), m.read(m.caseOf(extended)).getString("dueOn"));
        JsonPath rehandled = m.read(m.caseOf(m.of(MigratedYear.Block.REHANDLED).get(0)));
        assertEquals(List.of(true, true), rehandled.getList("replies.documentNumber").stream().map(n -> n.toString().contains("〔" + y + "〕")).toList());
        MigratedYear.Planned overdue = m.of(MigratedYear.Block.OVERDUE_IN_HAND).get(0);
        JsonPath inHand = m.read(m.caseOf(overdue));
        assertEquals("COMMUNICATING", inHand.getString("state"));
        assertEquals(m.day(12, 1).toString(), inHand.getString("dueOn"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).queryParam("unit", m.unit).queryParam("year", y)
                    .when().get("/api/v1/statistics/overdue")
                    .then().statusCode(200).body("total", equalTo(1)).body("items[0].number", equalTo(overdue.number()));
            JsonPath before = statistics(unitOffice, m.unit, y);
            assertEquals(41, before.getInt("total.counts.cases"));
            assertEquals(24, before.getInt("total.counts.replied"));
            assertEquals(1, before.getInt("total.counts.overdue"));
        });

        // the cases in hand are finished live: the overdue one is replied late, this year's are replied, evaluated, sent, concluded
        MigratedYear.Planned reply = m.of(MigratedYear.Block.THIS_YEAR_REPLY).get(0);
        MigratedYear.Planned joint = m.of(MigratedYear.Block.THIS_YEAR_JOINT).get(0);
        m.answerLive(overdue, "B");
        m.answerLive(reply, "A");
        m.evaluateLive(reply, "SATISFIED");
        m.concludeLive(reply);
        m.answerLive(joint, null);
        m.concludeLive(joint);
        assertEquals(false, m.read(m.caseOf(overdue)).getBoolean("replies[0].onTime"));
        assertEquals(true, m.read(m.caseOf(reply)).getBoolean("replies[0].onTime"));

        // year Y, figure by figure (counted by hand from the blocks)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath f = statistics(unitOffice, m.unit, y);
            // 41 cases: SOLE 12+3+1+1+1+1, LEAD 4, SEPARATE 2 (25 reply cases), JOINT 16
            assertEquals(List.of(41, 25, 25, 21), List.of(f.getInt("total.counts.cases"), f.getInt("total.counts.replyCases"),
                    f.getInt("total.counts.replied"), f.getInt("total.counts.repliedOnTime")), "cases, reply cases, replied, on time (3 late + 1 finished late)");
            assertEquals(List.of(16, 16, 14), List.of(f.getInt("total.counts.jointCases"), f.getInt("total.counts.opinionsSent"),
                    f.getInt("total.counts.opinionsOnTime")), "joint cases, opinions sent, on time");
            // every reply after a communication; face to face: 4 meetings of ON_TIME and the REHANDLED case's first round
            assertEquals(List.of(25, 5), List.of(f.getInt("total.counts.communicatedBeforeReply"), f.getInt("total.counts.faceToFaceBeforeReply")));
            // latest evaluations: satisfied 12+1+1+4+2, basically 3 (LATE); not evaluated: UNEVALUATED and the one replied today
            assertEquals(List.of(23, 20, 3, 0, 2), List.of(f.getInt("total.counts.evaluated"), f.getInt("total.counts.satisfied"),
                    f.getInt("total.counts.basicallySatisfied"), f.getInt("total.counts.unsatisfied"), f.getInt("total.counts.notEvaluated")));
            // categories of the latest reply: A 8+1+1+1+4, B 4+3+1, C 2
            assertEquals(List.of(15, 8, 2), List.of(f.getInt("total.counts.categories.A"), f.getInt("total.counts.categories.B"),
                    f.getInt("total.counts.categories.C")));
            assertEquals(List.of(1, 0, 25, 0), List.of(f.getInt("total.counts.rehandled"), f.getInt("total.counts.overdue"),
                    f.getInt("total.counts.leaderLed"), f.getInt("total.counts.returnedDrafts")), "re-handled, overdue, leader-led, returned drafts");
            // communications: phone 8+3+1+1+1+4+2+1, meetings 4+1
            assertEquals(List.of(21, 5), List.of(f.getInt("total.counts.communications.PHONE"), f.getInt("total.counts.communications.MEETING")));
            rate(f, "total.rates.onTimeReply", "0.84");
            rate(f, "total.rates.onTimeJointOpinion", "0.875");
            rate(f, "total.rates.communication", "1");
            rate(f, "total.rates.faceToFace", "0.2");
            rate(f, "total.rates.satisfaction", "0.8696");
            rate(f, "total.rates.basicSatisfaction", "1");
            rate(f, "total.rates.rehandling", "0.04");
        });
        JsonPath card = given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).queryParam("year", y)
                .when().get("/api/v1/statistics/scorecards").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("SOLE", 19, "LEAD", 4, "SEPARATE", 2, "JOINT", 16), card.getMap("items.find { it.unitCode == '" + m.unit + "' }.casesByRole"));
        rate(card, "items.find { it.unitCode == '" + m.unit + "' }.onTimeReply", "0.84");

        // the ledger: dates as they were, not the day of the migration
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath ledger = given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).queryParam("unit", m.unit)
                    .queryParam("year", y).queryParam("size", 200).when().get("/api/v1/ledger").then().statusCode(200).extract().jsonPath();
            assertEquals(41, ledger.getInt("total"));
            assertEquals(40, ledger.getList("items.findAll { it.state == 'CONCLUDED' }").size(), "concluded: all but the one replied today");
            assertEquals(List.of(), ledger.getList("items.findAll { !it.assignedOn.startsWith('" + y + "-') }.number"), "assigned in another year");
            String late = m.of(MigratedYear.Block.LATE).get(0).number();
            assertEquals(List.of(m.day(3, 10).toString(), m.day(6, 10).toString(), m.day(6, 20).toString(), "false", "BASICALLY_SATISFIED"),
                    row(ledger, late, "assignedOn", "dueOn", "repliedOn", "replyOnTime", "evaluation"));
            assertEquals(List.of(m.day(7, 10).toString(), m.day(7, 1).toString(), "true"), row(ledger, extended.number(), "dueOn", "repliedOn", "replyOnTime"));
            assertEquals(List.of("true", m.day(5, 20).toString(), "true", "SATISFIED", "2"),
                    row(ledger, m.of(MigratedYear.Block.REHANDLED).get(0).number(), "rehandled", "repliedOn", "replyOnTime", "evaluation", "communications"));
            assertEquals(List.of(m.day(4, 15).toString(), "false"), row(ledger, m.of(MigratedYear.Block.JOINT).get(15).number(), "opinionSentOn", "opinionOnTime"));
            assertEquals(List.of("REPLIED", m.today.toString(), "false"), row(ledger, overdue.number(), "state", "repliedOn", "replyOnTime"));
        });

        // the summary of year Y says what the figures say, in the seed's register
        String summary = given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + m.unit + "/" + y).then().statusCode(200).extract().asString();
        for (String sentence : List.of(
                "今年,我局共办理市人大代表建议41件。其中主办、承办、分办25件,20件已收到人大代表“满意”评价,3件收到“基本满意”评价,2件尚未评价;"
                        + "其中1件经代表不满意后重新办理,重新答复后代表表示满意;汇办16件,14件汇办意见按时反馈主办单位,2件逾期反馈。",
                "25件建议由",
                "主办、承办、分办的25件建议中,25件已答复,其中21件在办理时限内答复,按时答复率84%。",
                "办理过程中与代表沟通26次,其中电话沟通21次、见面座谈5次。已答复的25件建议中,25件在答复前与代表进行了沟通,沟通率100%;5件与代表面对面沟通,面商率20%。",
                "汇办的16件建议,14件汇办意见在一个月内书面反馈主办单位,2件逾期反馈",
                // section 三: the two replies that committed to measures, by number
                "### (一)第" + first.number() + "号《关于推进政务数据共享的建议(1)》。\n\n1." + MigratedYear.measureOf(first),
                "### (二)第" + m.of(MigratedYear.Block.ON_TIME).get(1).number() + "号《关于推进政务数据共享的建议(2)》。")) {
            assertTrue(summary.contains(sentence), "the summary of " + y + " lacks: " + sentence + "\n" + summary);
        }
        // listed: the replies with measures (ON_TIME's two A and four B, LATE's three B, the B reply made live), no other
        List<String> listed = new ArrayList<>();
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("### \\S+?第(\\w+)号").matcher(summary);
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        List<String> withMeasures = new ArrayList<>();
        m.of(MigratedYear.Block.ON_TIME).stream().filter(p -> p.index() < 2 || p.index() >= 8).forEach(p -> withMeasures.add(p.number()));
        m.of(MigratedYear.Block.LATE).forEach(p -> withMeasures.add(p.number()));
        withMeasures.add(overdue.number());
        assertEquals(withMeasures, listed, "section 三");
        assertTrue(!summary.contains("与" + (y - 1) + "年相比"), "no comparison without a previous year");
        // this year's summary compares it with the migrated year
        given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + m.unit + "/" + m.thisYear)
                .then().statusCode(200)
                .body(containsString("与" + y + "年相比,承办建议减少39件(" + y + "年为41件),按时答复率由84%提高到100%,满意率由87%提高到100%。"));

        // 办理结果公开: the year's public replies (ON_TIME 12, EXTENDED 1, REHANDLED 2 letters, LEAD 4, SEPARATE 2) without a token
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given().baseUri(workflowService.baseUri())
                .queryParam("unit", m.unit).queryParam("year", y).when().get("/api/v1/public/replies")
                .then().statusCode(200).body("total", equalTo(21)));
        String published = m.read(m.caseOf(first)).getString("replies[0].publication.id");
        given().baseUri(workflowService.baseUri()).accept(ContentType.JSON).when().get("/api/v1/public/replies/" + published)
                .then().statusCode(200).header("Cache-Control", containsString("public")).body("documentNumber", containsString("〔" + y + "〕"));
        given().baseUri(workflowService.baseUri()).auth().oauth2(unitOffice).contentType(ContentType.JSON).body(Map.of("reason", "涉及尚未公开的信息"))
                .when().post("/api/v1/cases/" + m.caseOf(first) + "/reply-letter/withdrawal").then().statusCode(200);
        given().baseUri(workflowService.baseUri()).accept(ContentType.JSON).when().get("/api/v1/public/replies/" + published).then().statusCode(404);
        // the summary once the office publishes it; this year's, unpublished, is not there
        given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).contentType(ContentType.JSON)
                .body(Map.of("creditCode", m.creditCode, "organisationName", "深圳市迁移测试局"))
                .when().put("/api/v1/annual-summaries/" + m.unit + "/" + y).then().statusCode(201);
        given().baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).when().post("/api/v1/annual-summaries/" + m.unit + "/" + y + "/publication")
                .then().statusCode(200);
        given().baseUri(reportingService.baseUri()).accept(ContentType.JSON).when().get("/api/v1/public/annual-summaries/" + m.unit + "/" + y)
                .then().statusCode(200).header("Cache-Control", containsString("public"))
                .body("header.indexNumber", equalTo(m.creditCode + "/" + y + "-00001"))
                .body("document.sections[0].parts.text", hasItem(containsString("今年,我局共办理市人大代表建议41件。")));
        given().baseUri(reportingService.baseUri()).accept(ContentType.JSON).when().get("/api/v1/public/annual-summaries/" + m.unit + "/" + m.thisYear)
                .then().statusCode(404);

        // nobody was told again of the old platform's steps: the deputies' only e-mails are the replies made live
        Map<String, String> liveReplies = Map.of(overdue.number(), overdue.leadDeputy(), reply.number(), reply.leadDeputy());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> liveReplies.forEach((number, deputy) ->
                assertEquals(1, mails(MigratedYear.email(deputy), "建议 " + number + " 已答复,请评价").size(), number + ": the live reply's e-mail")));
        List<String> migratedSubjects = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            if (m.deputies.stream().anyMatch(d -> MigratedYear.email(d).equals(to))
                    && liveReplies.keySet().stream().noneMatch(message.getSubject()::contains)) {
                migratedSubjects.add(message.getSubject());
            }
        }
        assertEquals(List.of(), migratedSubjects, "e-mails about steps taken on the old platform");

        // the same files again change nothing
        String figures = statistics(unitOffice, m.unit, y).prettify();
        given().baseUri(suggestionService.baseUri()).auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("rows", rows))
                .when().post("/api/v1/suggestion-imports")
                .then().statusCode(200).body("accepted", equalTo(0)).body("unchanged", equalTo(43)).body("rejected", equalTo(0));
        List<Map<String, Object>> again = m.importCases(file, Duration.ofSeconds(10));
        assertEquals(List.of(), again.stream().filter(r -> !"UNCHANGED".equals(r.get("outcome")) || !Integer.valueOf(0).equals(r.get("stepsApplied")))
                .map(Object::toString).toList(), "cases changed by the second import");
        Thread.sleep(3000); // an event made by the second import would reach reporting-service within this
        assertEquals(figures, statistics(unitOffice, m.unit, y).prettify(), "the year's figures after the second import");
    }

    @Test
    void everyServiceAnswersTheSameMalformedStaleAndConflictingRequestsWithTheSameProblems() {
        String system = TestTokens.role("system").sign();
        String unit = createUnit(system, "契约单位");
        String office = OneContract.unitToken("unit-office", unit);
        String handler = OneContract.unitToken("handler", unit);

        // suggestion-service: a handling unit of the reference data
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String unitBody = """
                {"code":"%s","name":"契约测试单位%s","unifiedSocialCreditCode":"91440300MA5G2KXD3X"}""".formatted(code, code);
        String unitTag = given().baseUri(suggestionService.baseUri()).auth().oauth2(system).contentType(ContentType.JSON).body(unitBody)
                .when().post("/api/v1/units").then().statusCode(201).extract().header("ETag");
        OneContract.Target suggestion = new OneContract.Target("suggestion", suggestionService.baseUri(),
                new OneContract.Call("POST", "/api/v1/units", system, unitBody.replace(code, code + "x"), null),
                "{\"code\":12345,\"name\":\"契约\",\"unifiedSocialCreditCode\":\"91440300MA5G2KXD3X\"}", "code",
                new OneContract.Call("PUT", "/api/v1/units/" + code, system, unitBody.replace("契约测试单位", "契约单位改名"), null), unitTag,
                new OneContract.Call("POST", "/api/v1/units", system, unitBody, null), "conflict",
                new OneContract.Call("POST", "/api/v1/units", TOKEN, unitBody.replace(code, code + "y"), null),
                new OneContract.Call("GET", "/api/v1/units/it-no-such-unit", system, null, null));

        // workflow-service: a case of that unit, opened by the suggestion's assignment
        String id = register(freshNumber());
        String suggestionTag = given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().header("ETag");
        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", suggestionTag)
                .body("{\"units\":[{\"unitCode\":\"%s\",\"role\":\"SOLE\"}]}".formatted(unit))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
        String caseId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> given()
                .baseUri(workflowService.baseUri()).auth().oauth2(office).queryParam("suggestionId", id)
                .when().get("/api/v1/cases").then().statusCode(200).extract().<String>path("items[0].id"), java.util.Objects::nonNull);
        String caseTag = given().baseUri(workflowService.baseUri()).auth().oauth2(office).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        String distribution = """
                {"leaderInCharge":"王副局长","leaderInChargeId":"wang-fujuzhang","undertakingDepartment":"数据资源处",
                 "responsiblePerson":"李某","internalDeadline":"%s"}""".formatted(java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).plusMonths(2));
        OneContract.Target workflow = new OneContract.Target("workflow", workflowService.baseUri(),
                new OneContract.Call("POST", "/api/v1/cases/" + caseId + "/distribution", office, distribution, caseTag),
                distribution.replace("\"王副局长\"", "5"), "leaderInCharge",
                new OneContract.Call("POST", "/api/v1/cases/" + caseId + "/distribution", office, distribution, null), caseTag,
                new OneContract.Call("POST", "/api/v1/cases/" + caseId + "/conclusion", office, "{}", caseTag), "conflict",
                new OneContract.Call("POST", "/api/v1/cases/" + caseId + "/distribution", handler, distribution, caseTag),
                new OneContract.Call("GET", "/api/v1/cases/" + UUID.randomUUID(), office, null, null));

        // notification-service: a staff recipient of that unit
        String staff = """
                {"username":"chen@%s","name":"陈某某","unitCode":"%s","roles":["handler"],"email":"chen@example.gov.cn",
                 "mobile":"13900139000","locale":"zh-CN","preferredChannels":["EMAIL"]}""".formatted(unit, unit);
        var recipient = given().baseUri(notificationService.baseUri()).auth().oauth2(office).contentType(ContentType.JSON).body(staff)
                .when().post("/api/v1/staff-recipients").then().statusCode(201).extract();
        OneContract.Target notification = new OneContract.Target("notification", notificationService.baseUri(),
                new OneContract.Call("POST", "/api/v1/staff-recipients", office, staff.replace("chen@" + unit, "li@" + unit), null),
                staff.replace("\"陈某某\"", "5"), "name",
                new OneContract.Call("PUT", "/api/v1/staff-recipients/" + recipient.path("id"), office, staff.replace("陈某某", "陈某"), null),
                recipient.header("ETag"),
                new OneContract.Call("POST", "/api/v1/staff-recipients", office, staff, null), "conflict",
                new OneContract.Call("GET", "/api/v1/staff-recipients", handler, null, null),
                new OneContract.Call("GET", "/api/v1/staff-recipients/" + UUID.randomUUID(), office, null, null));

        // reporting-service: the unit's summary draft for the case's year (a malformed body is refused before the draft is read)
        String draftPath = "/api/v1/annual-summaries/" + unit + "/2020";
        String header = """
                {"creditCode":"91440300MA5G2KXD3X","organisationName":"契约测试局"}""";
        String draftTag = given().baseUri(reportingService.baseUri()).auth().oauth2(office).contentType(ContentType.JSON).body(header)
                .when().put(draftPath).then().statusCode(201).extract().header("ETag");
        OneContract.Call draft = new OneContract.Call("PUT", draftPath, office, header.replace("契约测试局", "契约测试局改名"), null);
        OneContract.Target reporting = new OneContract.Target("reporting", reportingService.baseUri(), draft,
                "{\"creditCode\":5,\"organisationName\":\"契约测试局\"}", "creditCode", draft, draftTag,
                new OneContract.Call("POST", draftPath + "/publication/withdrawal", office, "{\"reason\":\"契约测试\"}", null), "not-published",
                draft.withToken(handler).withIfMatch(draftTag),
                new OneContract.Call("GET", "/api/v1/read-model/rebuilds/" + UUID.randomUUID(), system, null, null));

        OneContract.check(List.of(suggestion, workflow, notification, reporting));
    }

    private static JsonPath statistics(String token, String unit, int year) {
        return given().baseUri(reportingService.baseUri()).auth().oauth2(token).queryParam("unit", unit).queryParam("year", year)
                .when().get("/api/v1/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static void rate(JsonPath json, String path, String expected) {
        String actual = json.getString(path);
        assertTrue(actual != null && new java.math.BigDecimal(actual).compareTo(new java.math.BigDecimal(expected)) == 0,
                path + ": expected " + expected + " but was " + actual);
    }

    /** The named fields of the ledger row of a suggestion number, as strings. */
    private static List<String> row(JsonPath ledger, String number, String... fields) {
        Map<String, Object> found = ledger.getMap("items.find { it.number == '" + number + "' }");
        assertTrue(found != null, "no ledger row for " + number);
        return java.util.Arrays.stream(fields).map(f -> String.valueOf(found.get(f))).toList();
    }

    /**
     * reporting-service's ledger: the unit's 30 cases, each reply's notice to the deputy delivered (from the notifications topic),
     * none failed; every case of the year concluded but the one reply the deputy has not evaluated.
     */
    private static void theLedgerHoldsTheYearWithTheDeputiesToldOfEachReply(JsonPath data, String unitOffice) {
        // unit by unit: the other tests register suggestions of 2020 too, but never for the seed's units
        List<String> units = data.getList("units.code");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> cases = new ArrayList<>();
            for (String unit : units) {
                cases.addAll(given().baseUri(reportingService.baseUri()).auth().oauth2(TOKEN)
                        .queryParam("unit", unit).queryParam("year", 2020).queryParam("size", 200)
                        .when().get("/api/v1/ledger").then().statusCode(200).extract().jsonPath().getList("items"));
            }
            assertEquals(56, cases.size(), "cases of the seed's year");
            List<String> open = cases.stream().filter(c -> !"CONCLUDED".equals(c.get("state"))).map(c -> c.get("number") + " " + c.get("state")).toList();
            assertEquals(List.of("20200188 REPLIED"), open, "cases not concluded");
            assertEquals(List.of(), cases.stream().filter(c -> !"JOINT".equals(c.get("role")) && c.get("deputyNotifiedOfReplyAt") == null)
                    .map(c -> c.get("number") + " " + c.get("unitCode")).toList(), "replies the deputy was not told of");
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .baseUri(reportingService.baseUri()).auth().oauth2(unitOffice)
                .queryParam("unit", "sz-zsj").queryParam("year", 2020).queryParam("size", 200)
                .when().get("/api/v1/ledger")
                .then().statusCode(200)
                .body("total", equalTo(30))
                .body("items.findAll { it.role == 'JOINT' }.size()", equalTo(23))
                .body("items.findAll { it.role == 'JOINT' }.opinionOnTime", everyItem(equalTo(true)))
                .body("items.findAll { it.evaluation == 'SATISFIED' }.size()", equalTo(6))
                .body("items.findAll { it.repliedOn != null }.size()", equalTo(7))
                .body("items.findAll { it.state == 'CONCLUDED' }.size()", equalTo(29))
                .body("items.findAll { it.deputyNotifiedOfReplyAt != null }.size()", equalTo(7))
                .body("items.failedNotices", everyItem(equalTo(0))));
    }

    /**
     * notification-service told each deputy of the assignment and of the reply (e-mail with the letter attached, SMS with its
     * link, inbox) and the unit's staff of each assignment, distribution and evaluation: each notice once.
     */
    private static void everyNoticeOfTheYearArrivedOnce(JsonPath data) throws Exception {
        List<Map<String, Object>> suggestions = data.getList("suggestions");
        Map<String, Map<String, Object>> deputies = new java.util.HashMap<>();
        data.<Map<String, Object>> getList("deputies").forEach(d -> deputies.put((String) d.get("id"), d));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, String>> sms = smsSent();
            for (Map<String, Object> s : suggestions) {
                String number = (String) s.get("number");
                Map<String, Object> deputy = deputies.get(s.get("leadDeputy"));
                String email = (String) deputy.get("email");
                String phone = (String) deputy.get("phone");
                assertEquals(1, mails(email, "您的建议 " + number + " 已交办").size(), number + ": the deputy's assignment e-mail");
                assertEquals(1, sms.stream().filter(m -> phone.equals(m.get("phoneNumber")) && m.get("content").contains(number + " 号建议《"))
                        .map(m -> m.get("outId")).distinct().count(),
                        number + ": the deputy's assignment SMS");
                assertEquals(1, mails("office@sz-zsj.example.gov.cn", "新交办建议 " + number).size(), number + ": the unit office's assignment e-mail");
                assertEquals(1, mails("handler@sz-zsj.example.gov.cn", "建议 " + number + " 已分办").size(), number + ": the handler's distribution e-mail");
                assertEquals(1, mails("leader@sz-zsj.example.gov.cn", "建议 " + number + " 已分办").size(), number + ": the leader's distribution e-mail");
                @SuppressWarnings("unchecked")
                Map<String, Object> handling = (Map<String, Object>) s.get("handling");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> assignment = (List<Map<String, Object>>) s.get("assignment");
                // each unit that replies on its own (all but the JOINT ones) sends the deputy its reply
                long replies = assignment.stream().filter(u -> !"JOINT".equals(u.get("role"))).count();
                assertEquals(replies, mails(email, "建议 " + number + " 已答复,请评价").size(), number + ": the deputy's reply e-mail");
                assertEquals(replies, sms.stream().filter(m -> phone.equals(m.get("phoneNumber")) && m.get("content").contains(number + " 号建议已答复")
                        && m.get("content").contains(REPLY_LETTER_PORTAL + "api/v1/cases/")).map(m -> m.get("outId")).distinct().count(),
                        number + ": the deputy's reply SMS with the letter's link");
                int evaluations = handling == null || handling.get("evaluation") == null ? 0 : 1;
                assertEquals(evaluations, mails("office@sz-zsj.example.gov.cn", "建议 " + number + " 已收到代表评价").size(),
                        number + ": the unit office's evaluation e-mail");
            }
            // a try that timed out is repeated with the same outId, which the provider drops (README "SMS: no duplicates
            // after a timeout"); two different texts never share one
            assertEquals(sms.stream().map(m -> m.get("outId")).distinct().count(), sms.stream().map(m -> m.get("outId") + m.get("content")).distinct().count(),
                    "one text per outId");
        });

        // the reply e-mail carries the formal letter (.docx from workflow-service) and the measures promised
        Map<String, Object> withMeasures = suggestions.stream().filter(s -> "20200041".equals(s.get("number"))).findFirst().orElseThrow();
        String deputyId = (String) withMeasures.get("leadDeputy");
        MimeMessage reply = mails((String) deputies.get(deputyId).get("email"), "建议 20200041 已答复,请评价").get(0);
        byte[] letter = docxAttachment(reply);
        assertTrue(letter.length > 1000 && letter[0] == 'P' && letter[1] == 'K', "the reply e-mail has the letter (.docx) attached");
        assertTrue(text(reply).contains("支持开展区块链试点应用"), "the reply e-mail lists the measures");
        given().baseUri(notificationService.baseUri()).auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputyId).subject("deputy-" + deputyId).sign())
                .queryParam("size", 100).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.subject", org.hamcrest.Matchers.hasItem("建议 20200041 已答复,请评价"));
    }

    private static int seedMails() throws MessagingException {
        int count = 0;
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            if (!message.getRecipients(Message.RecipientType.TO)[0].toString().endsWith(MigratedYear.MAIL_DOMAIN)) {
                count++;
            }
        }
        return count;
    }

    private static long seedSms() {
        return smsSent().stream().filter(m -> !m.get("phoneNumber").startsWith(MigratedYear.PHONE_PREFIX)).map(m -> m.get("outId")).distinct().count();
    }

    private static List<MimeMessage> mails(String to, String subject) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            try {
                if (to.equals(message.getRecipients(Message.RecipientType.TO)[0].toString()) && subject.equals(message.getSubject())) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The text of a message, without its attachments. */
    private static String text(MimeMessage message) throws Exception {
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    return part.getContent().toString();
                }
            }
            return "";
        }
        return message.getContent().toString();
    }

    /** The one .docx attached to a message. */
    private static byte[] docxAttachment(MimeMessage message) throws Exception {
        List<byte[]> found = new ArrayList<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".docx")) {
                    found.add(part.getInputStream().readAllBytes());
                }
            }
        }
        assertEquals(1, found.size(), "attached .docx files");
        return found.get(0);
    }

    /** Every SMS the gateway was asked to send: phoneNumber, content, outId. */
    private static List<Map<String, String>> smsSent() {
        return smsGateway.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/sms/send"))).stream().map(request -> {
            JsonPath body = new JsonPath(request.getBodyAsString());
            return Map.of("phoneNumber", body.getString("phoneNumber"), "content", body.getString("templateParams.content"),
                    "outId", body.getString("outId"));
        }).toList();
    }

    private static String createUnit(String systemToken, String name) {
        return SuiteFixtures.createUnit(suggestionService.baseUri(), systemToken, "it-", name);
    }

    private static String register(String number) {
        return SuiteFixtures.register(suggestionService.baseUri(), TOKEN, number, "关于推进审批服务便民化的建议", "建议推行一网通办。",
                """
                {"id":"D-0420","name":"张某某","delegation":"南山代表团"}""");
    }

    private static String freshNumber() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
