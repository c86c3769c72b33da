package gov.suggestions.notification.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Events delivered through the real broker, notices read back from the SMTP server and the inbox API. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class NotificationFlowTest {

    private static final String SUGGESTION_SOURCE = "/suggestion-service";
    private static final String CASE_SOURCE = "/workflow-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeputyContactRepository contacts;

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

    static String registerStaff(String username, String name, String unit, String role, String email, String locale) {
        return given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","name":"%s","unitCode":"%s","roles":["%s"],"email":"%s","mobile":"13900139000","locale":"%s"}"""
                        .formatted(username, name, unit, role, email, locale))
                .when().post("/api/v1/staff-recipients")
                .then().statusCode(201).extract().path("id");
    }

    private void contact(String deputyId, String name, String email, String... preferred) {
        producer.send("suggestions", "deputy:" + deputyId, Events.fresh(), SUGGESTION_SOURCE, "deputy.contact-updated.v1",
                Events.contact(deputyId, name, "13800138000", email, preferred));
        // contact data may travel on another partition than the event that uses it: wait until it is applied
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            var stored = contacts.of("shenzhen-npc", deputyId);
            return stored != null && java.util.Objects.equals(stored.email, email)
                    && stored.preferredChannels.equals(String.join(",", preferred));
        }));
    }

    @Test
    void assignmentReachesTheDeputyAndEachUnitOfficeByEmailAndInbox() {
        String deputy = Events.deputy();
        String deputyMail = deputy.toLowerCase() + "@example.org";
        String leadUnit = Events.unit();
        String jointUnit = Events.unit();
        String leadMail = "office-" + leadUnit + "@example.gov.cn";
        String jointMail = "office-" + jointUnit + "@example.gov.cn";
        registerStaff("office@" + leadUnit, "张某某", leadUnit, "unit-office", leadMail, "zh-CN");
        registerStaff("office@" + jointUnit, "Li Mou", jointUnit, "unit-office", jointMail, "en");
        // a leader of the lead unit is not in the audience of the assignment rules
        registerStaff("leader@" + leadUnit, "赵某某", leadUnit, "unit-leader", "leader-" + leadUnit + "@example.gov.cn", "zh-CN");
        contact(deputy, "王某某", deputyMail);
        String suggestionId = Events.fresh();
        producer.send("suggestions", suggestionId, Events.fresh(), SUGGESTION_SOURCE, "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20200055", deputy, leadUnit, jointUnit));

        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(deputyMail).size() == 1
                && GreenMailResource.to(leadMail).size() == 1 && GreenMailResource.to(jointMail).size() == 1);
        GreenMailResource.Received toDeputy = GreenMailResource.to(deputyMail).get(0);
        assertEquals("您的建议 20200055 已交办", toDeputy.subject());
        assertTrue(toDeputy.body().contains("王某某代表") && toDeputy.body().contains("《关于加快推进政务数据共享的建议》")
                && toDeputy.body().contains("深圳市政务服务数据管理局(联系人:张某某 13900139000)、深圳市发展和改革委员会(联系人:Li Mou 13900139000)"), toDeputy.body());
        GreenMailResource.Received toLead = GreenMailResource.to(leadMail).get(0);
        assertEquals("新交办建议 20200055", toLead.subject());
        assertTrue(toLead.body().contains("深圳市政务服务数据管理局") && toLead.body().contains("答复期限 2020-08-20"), toLead.body());
        GreenMailResource.Received toJoint = GreenMailResource.to(jointMail).get(0);
        assertEquals("Suggestion 20200055 assigned to your unit", toJoint.subject());
        assertTrue(toJoint.body().contains("joint opinion due 2020-06-20"), toJoint.body());
        assertTrue(GreenMailResource.to("leader-" + leadUnit + "@example.gov.cn").isEmpty());

        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].subject", equalTo("您的建议 20200055 已交办"))
                .body("items[0].suggestionId", equalTo(suggestionId));
        given().auth().oauth2(TestTokens.role("unit-office").subject("office@" + leadUnit).unit(leadUnit).sign())
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].body", containsString("答复期限 2020-08-20"));
    }

    @Test
    void aDeputySeesAndMarksOnlyTheirOwnNotices() {
        String deputy = Events.deputy();
        String other = Events.deputy();
        contact(deputy, "王某某", deputy.toLowerCase() + "@example.org");
        String suggestionId = Events.fresh();
        producer.send("suggestions", suggestionId, Events.fresh(), SUGGESTION_SOURCE, "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20200101", deputy, Events.unit(), Events.unit()));

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                .when().get("/api/v1/inbox").then().statusCode(200).extract().<String>path("items[0].id"), notNullValue());

        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(other).sign())
                .when().get("/api/v1/inbox").then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(other).sign())
                .when().get("/api/v1/inbox/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(other).sign())
                .when().post("/api/v1/inbox/" + id + "/read").then().statusCode(404);
        given().when().get("/api/v1/inbox").then().statusCode(401);
        given().auth().oauth2(TestTokens.role("system").sign()).when().get("/api/v1/inbox").then().statusCode(403);

        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                .when().get("/api/v1/inbox?unread=true").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                .when().post("/api/v1/inbox/" + id + "/read").then().statusCode(200).body("readAt", notNullValue());
        given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                .when().get("/api/v1/inbox?unread=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anEventDeliveredTwiceSendsOnce() {
        String unit = Events.unit();
        String mail = "handler-" + unit + "@example.gov.cn";
        registerStaff("handler@" + unit, "陈某某", unit, "handler", mail, "zh-CN");
        String suggestionId = Events.fresh();
        String caseId = Events.fresh();
        String eventId = Events.fresh();
        String data = Events.caseEvent(caseId, suggestionId, "20200226", unit, "DISTRIBUTED");
        producer.send("cases", suggestionId, eventId, CASE_SOURCE, "case.distributed.v1", data);
        producer.send("cases", suggestionId, eventId, CASE_SOURCE, "case.distributed.v1", data);
        String marker = Events.fresh();
        producer.send("cases", suggestionId, marker, CASE_SOURCE, "case.distributed.v1",
                Events.caseEvent(caseId, suggestionId, "20200227", unit, "DISTRIBUTED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> GreenMailResource.to(mail).size() == 2);
        List<String> subjects = GreenMailResource.to(mail).stream().map(GreenMailResource.Received::subject).sorted().toList();
        assertEquals(List.of("建议 20200226 已分办", "建议 20200227 已分办"), subjects);
        List<Notification> stored = QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId));
        assertEquals(2, stored.size(), "one e-mail and one inbox notice");
        assertTrue(stored.stream().allMatch(n -> n.status == NotificationStatus.SENT));
        assertEquals(1, stored.stream().filter(n -> n.channel == Channel.EMAIL).findFirst().orElseThrow().attempts);
        // notification.sent.v1 once per notice, through the outbox to topic `notifications`, keyed by the suggestion
        List<ConsumerRecord<String, String>> sent = TopicReader.readUntil(bootstrapServers, "notifications",
                r -> r.stream().filter(x -> suggestionId.equals(x.key())).count() >= 4, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ours = sent.stream().filter(r -> suggestionId.equals(r.key())).toList();
        assertEquals(4, ours.size(), "two notices for each of the two events");
        assertTrue(ours.stream().allMatch(r -> "notification.sent.v1".equals(TopicReader.header(r, "ce_type"))
                && "/notification-service".equals(TopicReader.header(r, "ce_source"))));
        assertEquals(2, ours.stream().filter(r -> r.value().contains("\"sourceEventId\":\"" + eventId + "\"")).count());
        assertTrue(ours.stream().noneMatch(r -> r.value().contains("@")), "no addresses in the events");
    }

    @Test
    void aMissingTemplateVariableFailsTheNoticeVisiblyAndNothingIsSent() {
        String unit = Events.unit();
        String mail = "leader-" + unit + "@example.gov.cn";
        registerStaff("leader@" + unit, "赵某某", unit, "unit-leader", mail, "zh-CN");
        // an operator points a new event type at a template that needs fields this event does not carry
        String eventType = "case.test-" + unit + ".v1";
        given().auth().oauth2(TestTokens.role("platform-admin").sign()).contentType(ContentType.JSON)
                .body("""
                        {"eventType":"%s","audience":"UNIT_LEADER","channels":["EMAIL","INBOX"],"template":"staff-assigned","enabled":true}"""
                        .formatted(eventType))
                .when().post("/api/v1/notification-rules").then().statusCode(201);
        String eventId = Events.fresh();
        String suggestionId = Events.fresh();
        producer.send("cases", suggestionId, eventId, CASE_SOURCE, eventType,
                Events.caseEvent(Events.fresh(), suggestionId, "20200300", unit, "DISTRIBUTED"));

        List<Notification> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId)), l -> l.size() == 2);
        assertTrue(stored.stream().allMatch(n -> n.status == NotificationStatus.FAILED), "both channels failed");
        assertTrue(stored.get(0).failureReason.contains("staff-assigned"), stored.get(0).failureReason);
        assertTrue(stored.get(0).failureReason.contains("title"), stored.get(0).failureReason);
        assertTrue(GreenMailResource.to(mail).isEmpty(), "no broken e-mail was sent");
        List<ConsumerRecord<String, String>> failed = TopicReader.readUntil(bootstrapServers, "notifications",
                r -> r.stream().filter(x -> suggestionId.equals(x.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> suggestionId.equals(r.key())).toList();
        assertEquals(2, failed.size());
        assertTrue(failed.stream().allMatch(r -> "notification.failed.v1".equals(TopicReader.header(r, "ce_type"))
                && r.value().contains("cannot be rendered")), failed.toString());
        given().auth().oauth2(TestTokens.role("unit-leader").subject("leader@" + unit).unit(unit).sign())
                .when().get("/api/v1/inbox").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDeputysPreferredChannelsAreHonouredAndTheLatestContactWins() {
        String deputy = Events.deputy();
        String oldMail = deputy.toLowerCase() + "-old@example.org";
        String newMail = deputy.toLowerCase() + "-new@example.org";
        contact(deputy, "王某某", oldMail);
        contact(deputy, "王某某", newMail);
        String suggestionId = Events.fresh();
        producer.send("suggestions", suggestionId, Events.fresh(), SUGGESTION_SOURCE, "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20200400", deputy, Events.unit(), Events.unit()));
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(newMail).size() == 1);
        assertTrue(GreenMailResource.to(oldMail).isEmpty());

        // the deputy now wants SMS only: no e-mail any more; SMS and the inbox still get it
        contact(deputy, "王某某", newMail, "SMS");
        String caseId = Events.fresh();
        String eventId = Events.fresh();
        producer.send("cases", suggestionId, eventId, CASE_SOURCE, "case.replied.v1",
                Events.caseEvent(caseId, suggestionId, "20200400", Events.unit(), "REPLIED"));
        List<Notification> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId)), l -> !l.isEmpty());
        assertEquals(List.of(Channel.INBOX, Channel.SMS), stored.stream().map(n -> n.channel).toList());
        assertEquals("建议 20200400 已答复,请评价", stored.get(0).subject);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicsAndConsumptionGoesOn() {
        String key = Events.fresh();
        producer.send("cases", key, Events.fresh(), CASE_SOURCE, "case.distributed.v1", "this is not json");
        producer.send("cases", key, null, null, null, "{\"no\":\"cloud event headers\"}");
        producer.send("cases", key, Events.fresh(), CASE_SOURCE, "case.distributed.v1", "{\"caseId\":\"" + key + "\"}");
        String contactEventId = Events.fresh();
        String contactData = "{\"name\":\"王某某\",\"mobile\":\"13812345678\"}";
        producer.send("suggestions", key, contactEventId, SUGGESTION_SOURCE, "deputy.contact-updated.v1", contactData);

        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, "notification-service.cases.dlq",
                r -> r.stream().filter(x -> key.equals(x.key())).count() >= 3, Duration.ofSeconds(30));
        List<String> reasons = dead.stream().filter(r -> key.equals(r.key())).map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_id")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("lacks suggestionId")), reasons.toString());
        List<ConsumerRecord<String, String>> deadSuggestions = TopicReader.readUntil(bootstrapServers,
                "notification-service.suggestions.dlq", r -> r.stream().anyMatch(x -> key.equals(x.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> deadContact = deadSuggestions.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertTrue(TopicReader.header(deadContact, "dead-letter-reason").contains("lacks deputyId"));
        // contact data stays replayable (the record as it came, with its CloudEvents headers; hence the README's access rule for
        // the dead-letter topics), while what the service adds does not repeat it
        assertEquals(contactData, deadContact.value());
        assertEquals(contactEventId, TopicReader.header(deadContact, "ce_id"));
        assertEquals("deputy.contact-updated.v1", TopicReader.header(deadContact, "ce_type"));
        for (org.apache.kafka.common.header.Header h : deadContact.headers()) {
            if (h.key().startsWith("dead-letter")) {
                assertTrue(!new String(h.value(), java.nio.charset.StandardCharsets.UTF_8).contains("13812345678"), h.key());
            }
        }

        // and the consumers go on
        String unit = Events.unit();
        String mail = "handler-" + unit + "@example.gov.cn";
        registerStaff("handler@" + unit, "陈某某", unit, "handler", mail, "zh-CN");
        String suggestionId = Events.fresh();
        producer.send("cases", key, Events.fresh(), CASE_SOURCE, "case.distributed.v1",
                Events.caseEvent(Events.fresh(), suggestionId, "20200500", unit, "DISTRIBUTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() == 1);
    }
}
