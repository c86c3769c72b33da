package gov.suggestions.notification.event;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.service.TemplateRenderer;
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
 * For every event type of the seeded rule table: the right recipients get the right text on the right
 * channels, read back from the SMTP server, the SMS gateway and the inbox API.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class RuleTableTest {

    record Expected(String eventType, String audience, List<String> channels, String subject) {
    }

    private static final List<String> EI = List.of("EMAIL", "INBOX");
    private static final List<String> ESI = List.of("EMAIL", "SMS", "INBOX");

    /** The seed (V2, V3, V7): a change to it shows here. */
    static final List<Expected> SEEDED = List.of(
            new Expected("suggestion.assigned.v1", "LEAD_DEPUTY", ESI, "您的建议 %s 已交办"),
            new Expected("suggestion.assigned.v1", "UNIT_OFFICE", EI, "新交办建议 %s"),
            new Expected("suggestion.reassigned.v1", "LEAD_DEPUTY", EI, "您的建议 %s 已调整承办单位"),
            new Expected("suggestion.reassigned.v1", "UNIT_OFFICE", EI, "新交办建议 %s"),
            new Expected("case.distributed.v1", "HANDLER", EI, "建议 %s 已分办"),
            new Expected("case.distributed.v1", "UNIT_LEADER", EI, "建议 %s 已分办"),
            new Expected("case.communication-recorded.v1", "LEAD_DEPUTY", EI, "建议 %s 沟通记录"),
            new Expected("case.draft-submitted.v1", "UNIT_LEADER", EI, "建议 %s 答复稿待审核"),
            new Expected("case.review-decided.v1", "HANDLER", EI, "建议 %s 答复稿审核结果"),
            new Expected("case.replied.v1", "LEAD_DEPUTY", ESI, "建议 %s 已答复,请评价"),
            new Expected("case.evaluated.v1", "UNIT_OFFICE", EI, "建议 %s 已收到代表评价"),
            new Expected("case.rehandling-started.v1", "LEAD_DEPUTY", EI, "建议 %s 重新办理"),
            new Expected("case.commitment-updated.v1", "LEAD_DEPUTY", EI, "建议 %s 承诺事项进展"),
            new Expected("case.deadline-approaching.v1", "UNIT_OFFICE", EI, "建议 %s 即将到期"),
            new Expected("case.deadline-approaching.v1", "UNIT_LEADER", EI, "建议 %s 即将到期"),
            new Expected("case.overdue.v1", "UNIT_OFFICE", EI, "建议 %s 已超期"),
            new Expected("case.overdue.v1", "UNIT_LEADER", ESI, "建议 %s 已超期"),
            new Expected("case.chased.v1", "UNIT_OFFICE", EI, "建议 %s 催办"),
            new Expected("case.evaluation-reminder.v1", "LEAD_DEPUTY", ESI, "建议 %s 答复待您评价"),
            new Expected("case.evaluation-window-closed.v1", "UNIT_OFFICE", EI, "建议 %s 评价期已过,尚未评价"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeputyContactRepository contacts;

    @Inject
    TemplateRenderer renderer;

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

    /** One person: their id as notices name them, addresses, and a token for their inbox. */
    record Person(String recipientId, String email, String mobile, String token) {
    }

    static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static Person staff(String unit, String role) {
        String username = role + "@" + unit;
        String email = role + "-" + unit + "@example.gov.cn";
        String mobile = mobile();
        String id = given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","name":"陈某某","unitCode":"%s","roles":["%s"],"email":"%s","mobile":"%s"}"""
                        .formatted(username, unit, role, email, mobile))
                .when().post("/api/v1/staff-recipients").then().statusCode(201).extract().path("id");
        return new Person(id, email, mobile, TestTokens.role(role).subject(username).unit(unit).sign());
    }

    @Test
    void theRuleTableIsSeeded() {
        List<Map<String, Object>> rules = given().auth().oauth2(TestTokens.role("system").sign())
                .when().get("/api/v1/notification-rules").then().statusCode(200).extract().path("$");
        for (Expected e : SEEDED) {
            assertTrue(rules.stream().anyMatch(r -> e.eventType().equals(r.get("eventType")) && e.audience().equals(r.get("audience"))
                    && e.channels().equals(r.get("channels")) && Boolean.TRUE.equals(r.get("enabled"))), "seeded: " + e);
        }
        // and nothing else: a rule added to the seed without a line in SEEDED (hence untested) fails here;
        // event types made up by other tests carry a unit code of Events.unit()
        List<String> untested = rules.stream().filter(r -> !r.get("eventType").toString().matches(".*u-[0-9a-f]{8}.*"))
                .filter(r -> SEEDED.stream().noneMatch(e -> e.eventType().equals(r.get("eventType")) && e.audience().equals(r.get("audience"))))
                .map(r -> r.get("eventType") + "/" + r.get("audience")).toList();
        assertEquals(List.of(), untested, "rules without an expectation in SEEDED");
        // every template a rule names exists in both languages (staff may read English)
        for (Map<String, Object> r : rules) {
            assertTrue(renderer.exists(r.get("template").toString()), "template " + r.get("template") + " in zh-CN and en");
        }
    }

    @Test
    void everySeededEventTypeReachesTheRightPeopleWithTheRightTextOnTheRightChannels() {
        for (String eventType : SEEDED.stream().map(Expected::eventType).collect(Collectors.toCollection(LinkedHashSet::new))) {
            checkEventType(eventType);
        }
    }

    private void checkEventType(String eventType) {
        String unit = Events.unit();
        Map<String, Person> people = Map.of(
                "UNIT_OFFICE", staff(unit, "unit-office"),
                "UNIT_LEADER", staff(unit, "unit-leader"),
                "HANDLER", staff(unit, "handler"),
                "LEAD_DEPUTY", deputy());
        String number = "2020" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String suggestionId = Events.fresh();
        String deputyId = people.get("LEAD_DEPUTY").recipientId();
        String assignedId = Events.fresh();
        producer.send("suggestions", suggestionId, assignedId, "/suggestion-service", "suggestion.assigned.v1",
                Events.assigned(suggestionId, number, deputyId, unit, Events.unit()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(assignedId)).isEmpty());
        String eventId = assignedId;
        if (eventType.equals("suggestion.reassigned.v1")) {
            eventId = Events.fresh();
            producer.send("suggestions", suggestionId, eventId, "/suggestion-service", eventType, reassigned(suggestionId, number, deputyId, unit));
        } else if (eventType.startsWith("case.")) {
            eventId = Events.fresh();
            producer.send("cases", suggestionId, eventId, "/workflow-service", eventType,
                    Events.caseEvent(Events.fresh(), suggestionId, number, unit, "DRAFTING"));
        }

        List<Expected> rules = SEEDED.stream().filter(e -> e.eventType().equals(eventType)).toList();
        Set<String> expected = new LinkedHashSet<>();
        for (Expected rule : rules) {
            for (String channel : rule.channels()) {
                expected.add(people.get(rule.audience()).recipientId() + "/" + channel);
            }
        }
        String event = eventId;
        List<Notification> stored = await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(event)),
                list -> list.size() >= expected.size() && list.stream().allMatch(n -> n.status == NotificationStatus.SENT));
        assertEquals(expected, stored.stream().map(n -> n.recipientId + "/" + n.channel).collect(Collectors.toSet()), eventType);

        for (Expected rule : rules) {
            Person person = people.get(rule.audience());
            String subject = rule.subject().formatted(number);
            // every text is addressed to its recipient by name and names the suggestion
            String greeting = rule.audience().endsWith("DEPUTY") ? "王某某代表:" : "陈某某:";
            String about = "第 " + number + " 号建议";
            for (String channel : rule.channels()) {
                switch (channel) {
                    case "EMAIL" -> assertTrue(GreenMailResource.to(person.email()).stream().anyMatch(m -> m.subject().equals(subject)
                            && m.body().startsWith(greeting) && m.body().contains(about)),
                            eventType + " e-mail to " + rule.audience() + ": " + GreenMailResource.to(person.email()));
                    case "SMS" -> assertTrue(WireMockResource.server().findAll(postRequestedFor(urlEqualTo("/sms/send"))
                            .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(person.mobile())))).stream()
                            .anyMatch(r -> r.getBodyAsString().contains(greeting) && r.getBodyAsString().contains(about)),
                            eventType + " SMS to " + rule.audience());
                    case "INBOX" -> {
                        List<Map<String, Object>> items = given().auth().oauth2(person.token()).when().get("/api/v1/inbox?size=200")
                                .then().statusCode(200).extract().path("items");
                        assertTrue(items.stream().anyMatch(i -> subject.equals(i.get("subject")) && i.get("body").toString().startsWith(greeting)
                                && i.get("body").toString().contains(about)), eventType + " inbox of " + rule.audience() + ": " + items);
                    }
                    default -> throw new IllegalStateException(channel);
                }
            }
        }
        // nobody outside the rule's audience got anything for this event
        List<String> others = new ArrayList<>(people.keySet());
        others.removeAll(rules.stream().map(Expected::audience).toList());
        for (String audience : others) {
            String id = people.get(audience).recipientId();
            assertTrue(stored.stream().noneMatch(n -> n.recipientId.equals(id)), eventType + " reached " + audience);
        }
    }

    @Test
    void anUnsatisfiedEvaluationIsFlaggedToTheUnitOffice() {
        String unit = Events.unit();
        Person office = staff(unit, "unit-office");
        Person deputy = deputy();
        String number = "2020" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String suggestionId = Events.fresh();
        String assignedId = Events.fresh();
        producer.send("suggestions", suggestionId, assignedId, "/suggestion-service", "suggestion.assigned.v1",
                Events.assigned(suggestionId, number, deputy.recipientId(), unit, Events.unit()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(assignedId)).isEmpty());

        String unsatisfied = Events.caseEvent(Events.fresh(), suggestionId, number, unit, "REHANDLING")
                .replace("\"extra\":\"ignored\"", "\"result\":\"UNSATISFIED\"");
        producer.send("cases", suggestionId, Events.fresh(), "/workflow-service", "case.evaluated.v1", unsatisfied);

        String flagged = "建议 " + number + " 已收到代表评价(不满意)";
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(office.email()).stream().anyMatch(m -> m.subject().equals(flagged)));
        assertTrue(GreenMailResource.to(office.email()).stream().filter(m -> m.subject().equals(flagged))
                .allMatch(m -> m.body().contains("不满意")));
    }

    private Person deputy() {
        String id = Events.deputy();
        String email = id.toLowerCase() + "@example.org";
        String mobile = mobile();
        producer.send("suggestions", "deputy:" + id, Events.fresh(), "/suggestion-service", "deputy.contact-updated.v1",
                Events.contact(id, "王某某", mobile, email));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> contacts.of("shenzhen-npc", id) != null));
        return new Person(id, email, mobile, TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(id).sign());
    }

    private static String reassigned(String suggestionId, String number, String deputyId, String unit) {
        return """
                {"suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                 "title":"关于加快推进政务数据共享的建议","year":2020,"supervisionLevel":"ORDINARY","priority":"ORDINARY","topics":[],
                 "leadDeputy":{"id":"%s","name":"王某某","delegation":"福田代表团"},"coSigners":[],
                 "reassignedOn":"2020-05-28","reason":"不属于本单位职责",
                 "removedUnits":[{"unitCode":"sz-fgw","role":"JOINT"}],
                 "addedUnits":[{"unitCode":"%s","unitName":"深圳市工业和信息化局","role":"JOINT","replyDue":null,"jointOpinionDue":"2020-06-28"}],
                 "units":[{"unitCode":"%s","unitName":"深圳市工业和信息化局","role":"JOINT","replyDue":null,"jointOpinionDue":"2020-06-28"}]}"""
                .formatted(suggestionId, number, deputyId, unit, unit);
    }
}
