package gov.suggestions.notification.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.repository.WebhookSubscriptionRepository;
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

/**
 * Issue 12's defects of this service, each shown by an attacker's request: the same roster id in two congress bodies,
 * deputy tokens without their claims, congress offices and global rules, missing scope claims, SSRF webhook targets,
 * username enumeration between units.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class TenantIsolationTest {

    static final String BODY_A = "shenzhen-npc";
    static final String BODY_B = "shenzhen-cppcc";
    static final String SOURCE = "/suggestion-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeputyContactRepository contacts;

    @Inject
    WebhookSubscriptionRepository webhooks;

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

    static String deputyToken(String body, String id) {
        return TestTokens.role("deputy").congressBody(body).deputy(id).subject("deputy-" + id).sign();
    }

    static void registerOffice(String unit, String mail) {
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"username":"office@%s","name":"张某某","unitCode":"%s","roles":["unit-office"],"email":"%s","mobile":"13900139000"}"""
                        .formatted(unit, unit, mail))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
    }

    private void contact(String body, String deputyId, String email) {
        producer.send("suggestions", "deputy:" + deputyId, Events.fresh(), SOURCE, "deputy.contact-updated.v1", """
                {"deputyId":"%s","congressBody":"%s","name":"王某某","delegation":"福田代表团","mobile":"13800138000","email":"%s",
                 "removed":false,"occurredAt":"2020-05-01T00:00:00Z"}""".formatted(deputyId, body, email));
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            var stored = contacts.of(body, deputyId);
            return stored != null && email.equals(stored.email);
        }));
    }

    private List<Notification> settled(String eventId, int expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Notification> list = QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId));
            assertTrue(list.size() == expected && list.stream().noneMatch(n -> n.status == NotificationStatus.PENDING
                    || n.status == NotificationStatus.SENDING), () -> list.stream()
                            .map(n -> n.recipientKind + " " + n.recipientId + " " + n.congressBody + " " + n.channel + " " + n.status + " " + n.failureReason)
                            .toList().toString());
        });
        return QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId));
    }

    @Test
    void aNoticeAboutBodyADeputyReachesOnlyBodyAsAddressNotTheSameRosterIdInBodyB() {
        String deputy = Events.deputy();
        String mailA = "a-" + deputy.toLowerCase() + "@npc.example.org";
        String mailB = "b-" + deputy.toLowerCase() + "@cppcc.example.org";
        contact(BODY_A, deputy, mailA);
        contact(BODY_B, deputy, mailB);   // before the fix, this overwrote body A's contact
        String unit = Events.unit();
        registerOffice(unit, "office-" + unit + "@example.gov.cn");

        String suggestionId = Events.fresh();
        String assigned = Events.fresh();
        producer.send("suggestions", suggestionId, assigned, SOURCE, "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20201201", deputy, unit, Events.unit()));
        settled(assigned, 5);      // deputy: EMAIL, SMS, INBOX; unit office: EMAIL, INBOX
        // another topic: sent once the suggestion (and so its lead deputy) is known
        String communication = Events.fresh();
        producer.send("cases", suggestionId, communication, "/workflow-service", "case.communication-recorded.v1",
                Events.caseEvent(Events.fresh(), suggestionId, "20201201", unit, "COMMUNICATING"));
        settled(communication, 2); // deputy: EMAIL, INBOX
        await().atMost(Duration.ofSeconds(60)).until(() -> GreenMailResource.to(mailA).size() == 2);
        assertEquals(List.of(), GreenMailResource.to(mailB), "body B's deputy with the same roster id got nothing");

        // body B's own suggestion for its deputy with the same roster id reaches only body B's address
        String suggestionB = Events.fresh();
        String assignedB = Events.fresh();
        producer.send("suggestions", suggestionB, assignedB, SOURCE, "suggestion.assigned.v1",
                Events.assigned(suggestionB, "20201202", deputy, Events.unit(), Events.unit()).replace(BODY_A, BODY_B));
        await().atMost(Duration.ofSeconds(60)).until(() -> GreenMailResource.to(mailB).size() == 1);
        settled(assignedB, 3);
        assertEquals(2, GreenMailResource.to(mailA).size());

        // the inbox: (body, deputy) of the token; the unit contact's mobile is masked there
        String idA = given().auth().oauth2(deputyToken(BODY_A, deputy)).queryParam("size", 10).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.subject", hasItem("您的建议 20201201 已交办"))
                .body(not(containsString("13900139000"))).body(containsString("139****9000"))
                .extract().path("items.find { it.subject == '您的建议 20201201 已交办' }.id");
        given().auth().oauth2(deputyToken(BODY_B, deputy)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].subject", equalTo("您的建议 20201202 已交办"));
        given().auth().oauth2(deputyToken(BODY_B, deputy)).when().get("/api/v1/inbox/" + idA).then().statusCode(404);
        given().auth().oauth2(deputyToken(BODY_B, deputy)).when().post("/api/v1/inbox/" + idA + "/read").then().statusCode(404);
        // a deputy token without congress_body (or without deputy) is refused on every operation
        String noBody = TestTokens.role("deputy").deputy(deputy).sign();
        String noId = TestTokens.role("deputy").congressBody(BODY_A).sign();
        for (String token : List.of(noBody, noId)) {
            given().auth().oauth2(token).when().get("/api/v1/inbox").then().statusCode(403)
                    .contentType("application/problem+json").body("type", notNullValue()).body("title", notNullValue())
                    .body("status", equalTo(403)).body("detail", containsString("congress_body"));
            given().auth().oauth2(token).when().get("/api/v1/inbox/" + idA).then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/v1/inbox/" + idA + "/read").then().statusCode(403);
        }
        // body B's roster drops the deputy: body A's contact of the same roster id stays
        producer.send("suggestions", "deputy:" + deputy, Events.fresh(), SOURCE, "deputy.contact-updated.v1", """
                {"deputyId":"%s","congressBody":"%s","name":"王某某","mobile":null,"email":null,"removed":true}""".formatted(deputy, BODY_B));
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> contacts.of(BODY_B, deputy) == null));
        assertEquals(mailA, QuarkusTransaction.requiringNew().call(() -> contacts.of(BODY_A, deputy).email));
        given().auth().oauth2(deputyToken(BODY_A, deputy)).when().get("/api/v1/inbox/" + idA).then().statusCode(200).body("readAt", equalTo(null));
        given().auth().oauth2(deputyToken(BODY_A, deputy)).when().post("/api/v1/inbox/" + idA + "/read").then().statusCode(200)
                .body("readAt", notNullValue());
    }

    private static String rule(String eventType, String audience, String template, boolean enabled, String body) {
        return """
                {"eventType":"%s","audience":"%s","channels":["INBOX"],"template":"%s","enabled":%s,"congressBody":%s}"""
                .formatted(eventType, audience, template, enabled, body == null ? "null" : "\"" + body + "\"");
    }

    @Test
    void globalRulesAreChangedOnlyByPlatformAdminOrSystemAndABodysOverrideWinsForItsEvents() {
        String officeA = TestTokens.role("congress-office").congressBody(BODY_A).sign();
        String officeB = TestTokens.role("congress-office").congressBody(BODY_B).sign();
        String admin = TestTokens.role("platform-admin").sign();
        String unit = Events.unit();
        registerOffice(unit, "office-" + unit + "@example.gov.cn");
        String eventType = "case.override-" + unit + ".v1";

        // a congress office can no longer add, change or remove a global rule
        given().auth().oauth2(officeA).contentType(ContentType.JSON).body(rule(eventType, "UNIT_OFFICE", "staff-chased", true, null))
                .when().post("/api/v1/notification-rules").then().statusCode(403).contentType("application/problem+json");
        String global = given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule(eventType, "UNIT_OFFICE", "staff-chased", true, null))
                .when().post("/api/v1/notification-rules").then().statusCode(201).body("congressBody", equalTo(null)).extract().path("id");
        given().auth().oauth2(officeA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule(eventType, "UNIT_OFFICE", "staff-chased", false, null))
                .when().put("/api/v1/notification-rules/" + global).then().statusCode(403);
        given().auth().oauth2(officeA).header("If-Match", "\"0\"").when().delete("/api/v1/notification-rules/" + global).then().statusCode(403);
        given().auth().oauth2(officeA).when().get("/api/v1/notification-rules/" + global).then().statusCode(200);
        // nor another body's override
        given().auth().oauth2(officeA).contentType(ContentType.JSON).body(rule(eventType, "UNIT_OFFICE", "staff-chased", false, BODY_B))
                .when().post("/api/v1/notification-rules").then().statusCode(403);

        // body A switches the notice off for its own events only
        String override = given().auth().oauth2(officeA).contentType(ContentType.JSON).body(rule(eventType, "UNIT_OFFICE", "staff-chased", false, BODY_A))
                .when().post("/api/v1/notification-rules").then().statusCode(201).body("congressBody", equalTo(BODY_A)).extract().path("id");
        given().auth().oauth2(officeB).when().get("/api/v1/notification-rules/" + override).then().statusCode(404);
        given().auth().oauth2(officeB).when().get("/api/v1/notification-rules").then().statusCode(200)
                .body("id", not(hasItem(override))).body("id", hasItem(global));
        given().auth().oauth2(officeB).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule(eventType, "UNIT_OFFICE", "staff-chased", true, BODY_B))
                .when().put("/api/v1/notification-rules/" + override).then().statusCode(404);
        given().auth().oauth2(officeA).when().get("/api/v1/notification-rules").then().statusCode(200).body("id", hasItem(override));
        // an override stays the body's: it cannot be turned into a global rule
        given().auth().oauth2(officeA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule(eventType, "UNIT_OFFICE", "staff-chased", false, null))
                .when().put("/api/v1/notification-rules/" + override).then().statusCode(403);

        String suggestionA = Events.fresh();
        String eventA = Events.fresh();
        producer.send("cases", suggestionA, eventA, "/workflow-service", eventType, Events.caseEvent(Events.fresh(), suggestionA, "20201203", unit, "DRAFTING"));
        String followUp = Events.fresh();   // same key, so processed after eventA
        producer.send("cases", suggestionA, followUp, "/workflow-service", "case.chased.v1", Events.caseEvent(Events.fresh(), suggestionA, "20201203", unit, "DRAFTING"));
        String suggestionB = Events.fresh();
        String eventB = Events.fresh();
        producer.send("cases", suggestionB, eventB, "/workflow-service", eventType,
                Events.caseEvent(Events.fresh(), suggestionB, "20201204", unit, "DRAFTING").replace(BODY_A, BODY_B));
        settled(followUp, 2);
        settled(eventB, 1);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventA)), "body A's override switched it off");

        // the body's office changes and removes its own override; platform-admin changes the global rule
        given().auth().oauth2(officeA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule(eventType, "UNIT_OFFICE", "staff-chased", true, BODY_A))
                .when().put("/api/v1/notification-rules/" + override).then().statusCode(200).body("enabled", equalTo(true));
        given().auth().oauth2(officeA).header("If-Match", "\"1\"").when().delete("/api/v1/notification-rules/" + override).then().statusCode(204);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule(eventType, "UNIT_OFFICE", "staff-chased", false, null))
                .when().put("/api/v1/notification-rules/" + global).then().statusCode(200);
        // an office token without congress_body sees no rule and changes none
        String noBody = TestTokens.role("congress-office").sign();
        given().auth().oauth2(noBody).when().get("/api/v1/notification-rules").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(noBody).when().get("/api/v1/notification-rules/" + global).then().statusCode(404);
        given().auth().oauth2(noBody).contentType(ContentType.JSON).body(rule(eventType, "UNIT_LEADER", "staff-chased", true, BODY_A))
                .when().post("/api/v1/notification-rules").then().statusCode(403);
    }

    @Test
    void aTokenWithoutItsScopeClaimGetsAnEmptyDeliveryLogNotAServerError() {
        String id = UUID.randomUUID().toString();
        for (String token : List.of(TestTokens.role("congress-office").sign(), TestTokens.role("unit-office").sign())) {
            given().auth().oauth2(token).when().get("/api/v1/delivery-log?caseId=" + id).then().statusCode(200)
                    .body("total", equalTo(0)).body("items", hasSize(0));
            given().auth().oauth2(token).when().get("/api/v1/delivery-log?suggestionId=" + id).then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void registeringAUsernameTellsAUnitOfficeNothingAboutOtherUnits() {
        String unitA = Events.unit();
        String unitB = Events.unit();
        String body = """
                {"username":"chen.mou","name":"陈某某","unitCode":"%s","roles":["handler"],"email":"chen@example.gov.cn"}""";
        given().auth().oauth2(TestTokens.role("unit-office").unit(unitA).sign()).contentType(ContentType.JSON).body(body.formatted(unitA))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        // before: 409 "this username is registered already" told unit B's office about unit A's staff
        given().auth().oauth2(TestTokens.role("unit-office").unit(unitB).sign()).contentType(ContentType.JSON).body(body.formatted(unitB))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        given().auth().oauth2(TestTokens.role("unit-office").unit(unitB).sign()).contentType(ContentType.JSON).body(body.formatted(unitB))
                .when().post("/api/v1/staff-recipients").then().statusCode(409).body("violations[0].field", equalTo("username"));
        // a unit office token without its unit claim: nobody listed, nobody registered
        String noUnit = TestTokens.role("unit-office").sign();
        given().auth().oauth2(noUnit).when().get("/api/v1/staff-recipients").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(noUnit).contentType(ContentType.JSON).body(body.formatted(unitA))
                .when().post("/api/v1/staff-recipients").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void webhookTargetsInsideTheNetworkAreRefusedOnSubscribingAndAtDelivery() {
        String system = TestTokens.role("system").sign();
        for (String url : List.of("http://127.0.0.1:5432/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8084/", "http://0x7f000001/",
                "http://2130706433/", "http://0177.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://10.0.0.8/", "http://[fd00::1]/",
                "ftp://localhost/")) {
            given().auth().oauth2(system).contentType(ContentType.JSON)
                    .body("""
                            {"name":"x","url":"%s","eventTypes":["case.replied.v1"],"secret":"0123456789abcdef0123","enabled":true}""".formatted(url))
                    .when().post("/api/v1/webhook-subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("url"));
        }
        // a row that points inside (saved before the check, or a name that resolves elsewhere now) is refused when delivering
        String path = "/hooks/" + Events.fresh();
        String eventType = "case.ssrf-" + Events.unit() + ".v1";
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription s = new WebhookSubscription();
            s.id = id;
            s.name = "inside";
            s.url = "http://127.0.0.1:" + WireMockResource.server().port() + path;
            s.eventTypes = eventType;
            s.secret = "0123456789abcdef0123";
            s.enabled = true;
            s.createdAt = Instant.now();
            s.updatedAt = Instant.now();
            webhooks.persist(s);
        });
        String suggestionId = Events.fresh();
        String event = Events.fresh();
        producer.send("cases", suggestionId, event, "/workflow-service", eventType, Events.caseEvent(Events.fresh(), suggestionId, "20201205", "u-x", "DRAFTING"));
        Notification n = settled(event, 1).get(0);
        QuarkusTransaction.requiringNew().run(() -> webhooks.deleteById(id));
        assertEquals(Channel.WEBHOOK, n.channel);
        assertEquals(NotificationStatus.FAILED, n.status);
        assertTrue(n.failureReason.contains("target refused"), n.failureReason);
        assertEquals(0, WireMockResource.server().findAll(anyRequestedFor(urlEqualTo(path))).size());
    }
}
