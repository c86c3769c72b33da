package gov.suggestions.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.service.DeliveryService;
import gov.suggestions.notification.service.EmailSender;
import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** What offices and operators do through the API: staff recipients, the rule table, the delivery log. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class OfficeApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryService delivery;

    @Inject
    EmailSender emails;

    CloudEventProducer producer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void openProducer() {
        producer = Events.producer(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private static String staff(String username, String unit, String role, String email, String mobile) {
        return """
                {"username":"%s","name":"陈某某","unitCode":"%s","roles":["%s"],"email":"%s","mobile":"%s"}"""
                .formatted(username, unit, role, email, mobile);
    }

    @Test
    void aUnitOfficeManagesOnlyItsOwnUnitsStaffWithOptimisticConcurrency() {
        String unit = Events.unit();
        String other = Events.unit();
        String office = TestTokens.role("unit-office").subject("office@" + unit).unit(unit).sign();
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(staff("x@" + other, other, "handler", "x@example.gov.cn", "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(409).body("violations[0].field", equalTo("unitCode"));
        String id = given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(staff("h@" + unit, unit, "handler", "h@example.gov.cn", "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(staff("h@" + unit, unit, "handler", "h@example.gov.cn", "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(409);
        given().auth().oauth2(TestTokens.role("unit-office").subject("office@" + other).unit(other).sign())
                .when().get("/api/v1/staff-recipients/" + id).then().statusCode(404);
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(staff("h@" + unit, unit, "unit-leader", "h@example.gov.cn", "13900139000"))
                .when().put("/api/v1/staff-recipients/" + id).then().statusCode(428);
        given().auth().oauth2(office).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(staff("h@" + unit, unit, "unit-leader", "h@example.gov.cn", "13900139000"))
                .when().put("/api/v1/staff-recipients/" + id).then().statusCode(412);
        given().auth().oauth2(office).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(staff("h@" + unit, unit, "unit-leader", "h@example.gov.cn", "13900139000"))
                .when().put("/api/v1/staff-recipients/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("roles", equalTo(List.of("unit-leader")));
        given().auth().oauth2(office).when().get("/api/v1/staff-recipients")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body("{\"username\":\"y\",\"name\":\"\",\"unitCode\":\"" + unit + "\",\"roles\":[\"boss\"],\"email\":\"not-an-email\"}")
                .when().post("/api/v1/staff-recipients").then().statusCode(400)
                .body("violations.field", hasItem("email")).body("violations.field", hasItem("name"));
        given().auth().oauth2(TestTokens.role("deputy").deputy("D-0117").sign())
                .when().get("/api/v1/staff-recipients").then().statusCode(403);
    }

    @Test
    void anOperatorChangesARuleAndTheNextEventFollowsItWithoutARebuild() {
        String unit = Events.unit();
        String mail = "leader-" + unit + "@example.gov.cn";
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body(staff("leader@" + unit, unit, "unit-leader", mail, "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        String operator = TestTokens.role("platform-admin").sign();
        String eventType = "case.rule-test-" + unit + ".v1";
        String ruleId = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"eventType\":\"" + eventType + "\",\"audience\":\"UNIT_LEADER\",\"channels\":[\"INBOX\"],\"template\":\"staff-overdue\",\"enabled\":true}")
                .when().post("/api/v1/notification-rules").then().statusCode(201).extract().path("id");
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"eventType\":\"" + eventType + "\",\"audience\":\"UNIT_LEADER\",\"channels\":[\"INBOX\"],\"template\":\"no-such-template\",\"enabled\":true}")
                .when().put("/api/v1/notification-rules/" + ruleId).then().statusCode(428);
        given().auth().oauth2(operator).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"eventType\":\"" + eventType + "\",\"audience\":\"UNIT_LEADER\",\"channels\":[\"INBOX\"],\"template\":\"no-such-template\",\"enabled\":true}")
                .when().put("/api/v1/notification-rules/" + ruleId).then().statusCode(409).body("violations[0].field", equalTo("template"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"eventType\":\"" + eventType + "\",\"audience\":\"UNIT_LEADER\",\"channels\":[\"EMAIL\",\"INBOX\"],\"template\":\"staff-chased\",\"enabled\":true}")
                .when().put("/api/v1/notification-rules/" + ruleId).then().statusCode(200).header("ETag", "\"1\"");

        String suggestionId = Events.fresh();
        producer.send("cases", suggestionId, Events.fresh(), "/workflow-service", eventType,
                Events.caseEvent(Events.fresh(), suggestionId, "20200600", unit, "DRAFTING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() == 1);
        assertEquals("建议 20200600 催办", GreenMailResource.to(mail).get(0).subject());

        given().auth().oauth2(operator).when().get("/api/v1/notification-rules")
                .then().statusCode(200).body("eventType", hasItem("case.overdue.v1"));
        given().auth().oauth2(TestTokens.role("unit-office").unit(unit).sign()).when().get("/api/v1/notification-rules")
                .then().statusCode(403);
    }

    @Test
    void theDeliveryLogShowsEachNoticeWithMaskedAddressesToTheOfficesConcerned() {
        String unit = Events.unit();
        String mail = "handler-" + unit + "@example.gov.cn";
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body(staff("handler@" + unit, unit, "handler", mail, "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        String suggestionId = Events.fresh();
        String caseId = Events.fresh();
        String eventId = Events.fresh();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.distributed.v1",
                Events.caseEvent(caseId, suggestionId, "20200700", unit, "DISTRIBUTED"));
        // Twice on CI this first e-mail of the class, sent some 35 s after the previous e-mail, did not come within 30 s
        // (once it came about 31 s after it was sent). The cause is not found yet: the consumer group was stable, and a quiet
        // SMTP connection alone does not reproduce it. The wait covers it; past 25 s the service's state and threads are printed.
        java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
        await().atMost(Duration.ofSeconds(90))
                .conditionEvaluationListener(condition -> {
                    if (condition.getElapsedTimeInMS() > 25_000 && reported.compareAndSet(false, true)) {
                        System.out.println("[diagnosis] e-mail to " + mail + " not there after 25 s; notices of event " + eventId + ": "
                                + QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId).stream()
                                        .map(n -> n.channel + " " + n.status + " attempts=" + n.attempts + " next=" + n.nextAttemptAt
                                                + " failure=" + n.failureReason).toList()));
                        Thread.getAllStackTraces().forEach((thread, stack) -> {
                            if (thread.getName().startsWith("executor-thread") || thread.getName().contains("kafka-consumer")
                                    || thread.getName().contains("scheduler")) {
                                System.out.println("[diagnosis] " + thread.getName() + " " + thread.getState() + " "
                                        + java.util.Arrays.stream(stack).limit(12).map(String::valueOf).toList());
                            }
                        });
                    }
                })
                .until(() -> GreenMailResource.to(mail).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.role("unit-office").unit(unit).sign())
                .when().get("/api/v1/delivery-log?caseId=" + caseId)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.channel", hasItem("EMAIL"))
                .body("items.find { it.channel == 'EMAIL' }.destination", equalTo("h***@example.gov.cn"))
                .body("items.find { it.channel == 'EMAIL' }.attempts[0].outcome", equalTo("SENT"))
                .body("items.find { it.channel == 'EMAIL' }.subject", equalTo("建议 20200700 已分办")));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign())
                .when().get("/api/v1/delivery-log?suggestionId=" + suggestionId)
                .then().statusCode(200).body("total", equalTo(2)).body(not(containsString(mail)));
        given().auth().oauth2(TestTokens.role("unit-office").unit(Events.unit()).sign())
                .when().get("/api/v1/delivery-log?caseId=" + caseId).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("guangzhou-npc").sign())
                .when().get("/api/v1/delivery-log?caseId=" + caseId).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.role("unit-office").unit(unit).sign())
                .when().get("/api/v1/delivery-log").then().statusCode(400);
        given().auth().oauth2(TestTokens.role("handler").unit(unit).sign())
                .when().get("/api/v1/delivery-log?caseId=" + caseId).then().statusCode(403);
    }

    @Test
    void aUnitOfficeSeesTheDeputysNoticesAboutItsOwnCaseOnlyInTheDeliveryLog() {
        String unitA = Events.unit();
        String unitB = Events.unit();
        String suggestionId = Events.fresh();
        String assigned = Events.fresh();
        producer.send("suggestions", suggestionId, assigned, "/suggestion-service", "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20200800", Events.deputy(), unitA, unitB));
        await().atMost(Duration.ofSeconds(30)).until(() -> !QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(assigned)).isEmpty());
        String caseA = Events.fresh();
        String caseB = Events.fresh();
        String eventA = Events.fresh();
        String eventB = Events.fresh();
        // the communication notice goes to the deputy only (no staff audience): it must still be found by the case's unit
        producer.send("cases", suggestionId, eventA, "/workflow-service", "case.communication-recorded.v1",
                Events.caseEvent(caseA, suggestionId, "20200800", unitA, "COMMUNICATING"));
        producer.send("cases", suggestionId, eventB, "/workflow-service", "case.communication-recorded.v1",
                Events.caseEvent(caseB, suggestionId, "20200800", unitB, "COMMUNICATING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> notifications.forEvent(eventA).size() == 2 && notifications.forEvent(eventB).size() == 2));

        String officeA = TestTokens.role("unit-office").unit(unitA).sign();
        String officeB = TestTokens.role("unit-office").unit(unitB).sign();
        given().auth().oauth2(officeA).when().get("/api/v1/delivery-log?caseId=" + caseA)
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.recipientKind", everyItem(equalTo("DEPUTY")))
                .body("items.eventType", everyItem(equalTo("case.communication-recorded.v1")))
                .body("items.unitCode", everyItem(equalTo(unitA)))
                .body("items.caseId", everyItem(equalTo(caseA)));
        given().auth().oauth2(officeB).when().get("/api/v1/delivery-log?caseId=" + caseA)
                .then().statusCode(200).body("total", equalTo(0));
        // by suggestion: each office sees the deputy's notices about its own case, not the other unit's
        given().auth().oauth2(officeA).when().get("/api/v1/delivery-log?suggestionId=" + suggestionId)
                .then().statusCode(200).body("total", equalTo(2)).body("items.caseId", everyItem(equalTo(caseA)));
        given().auth().oauth2(officeB).when().get("/api/v1/delivery-log?suggestionId=" + suggestionId)
                .then().statusCode(200).body("total", equalTo(2)).body("items.caseId", everyItem(equalTo(caseB)));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign())
                .when().get("/api/v1/delivery-log?suggestionId=" + suggestionId)
                .then().statusCode(200).body("items.caseId", hasItem(caseA)).body("items.caseId", hasItem(caseB));
    }

    @Test
    void staffPreferencesNarrowTheRulesChannelsButTheInboxAlwaysGetsTheNotice() {
        String unit = Events.unit();
        String system = TestTokens.role("system").sign();
        String leaderId = given().auth().oauth2(system).contentType(ContentType.JSON)
                .body("{\"username\":\"leader@" + unit + "\",\"name\":\"赵某某\",\"unitCode\":\"" + unit + "\",\"roles\":[\"unit-leader\"],"
                        + "\"email\":\"l-" + unit + "@example.gov.cn\",\"mobile\":\"13900139001\",\"preferredChannels\":[\"SMS\"]}")
                .when().post("/api/v1/staff-recipients").then().statusCode(201).body("preferredChannels", equalTo(List.of("SMS")))
                .extract().path("id");
        String officeId = given().auth().oauth2(system).contentType(ContentType.JSON)
                .body(staff("office@" + unit, unit, "unit-office", "o-" + unit + "@example.gov.cn", "13900139002"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201).extract().path("id");
        String eventId = Events.fresh();
        String suggestionId = Events.fresh();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.overdue.v1",
                Events.caseEvent(Events.fresh(), suggestionId, "20200900", unit, "DRAFTING"));
        List<Notification> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId)), l -> l.size() >= 4);
        assertEquals(List.of(Channel.SMS, Channel.INBOX),
                stored.stream().filter(n -> n.recipientId.equals(leaderId)).map(n -> n.channel).sorted().toList());
        assertEquals(List.of(Channel.EMAIL, Channel.INBOX),
                stored.stream().filter(n -> n.recipientId.equals(officeId)).map(n -> n.channel).sorted().toList());
    }

    @Test
    void aNoticeInterruptedMidSendIsSentAgainWithTheSameMessageId() {
        String unit = Events.unit();
        String mail = "handler-" + unit + "@example.gov.cn";
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body(staff("handler@" + unit, unit, "handler", mail, "13900139000"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        String eventId = Events.fresh();
        String suggestionId = Events.fresh();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.distributed.v1",
                Events.caseEvent(Events.fresh(), suggestionId, "20200800", unit, "DISTRIBUTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() == 1);
        // as if a replica had claimed it (intent recorded) and stopped before recording the outcome, long ago
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = notifications.forEvent(eventId).stream().filter(x -> x.channel == Channel.EMAIL).findFirst().orElseThrow();
            n.status = NotificationStatus.SENDING;
            n.nextAttemptAt = Instant.now().minus(Duration.ofHours(1));
        });
        assertTrue(delivery.resendInterrupted() >= 1);
        // the provider may have taken it before the stop: it goes again, recognisably the same message
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() == 2);
        Notification n = await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> notifications
                .forEvent(eventId).stream().filter(x -> x.channel == Channel.EMAIL).findFirst().orElseThrow()), x -> x.status == NotificationStatus.SENT);
        assertEquals(2, n.attempts, "the interrupted try and the one after it");
        List<String> messageIds = GreenMailResource.to(mail).stream().map(GreenMailResource.Received::messageId).toList();
        assertEquals(List.of(emails.messageId(n.id), emails.messageId(n.id)), messageIds, "both tries carry the notice's Message-ID");
        assertTrue(emails.messageId(n.id).matches("<" + n.id + "@[a-z0-9.-]+>"), emails.messageId(n.id));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> GreenMailResource.to(mail).size() == 2);
    }
}
