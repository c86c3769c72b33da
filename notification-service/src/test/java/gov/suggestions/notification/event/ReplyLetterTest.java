package gov.suggestions.notification.event;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The reply notice (case.replied.v1): the deputy's e-mail links to the letter and carries it, fetched from
 * workflow-service (WireMock) with the service token; the SMS has the link only; the e-mail is still sent
 * once, with the link only, when the letter cannot be had.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class ReplyLetterTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String LINK = "https://deputy.suggestions.test/api/v1/cases/%s/reply-letter";

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

    record Deputy(String id, String email, String mobile) {
    }

    /** A deputy with a suggestion assigned (so that case events find the lead deputy). */
    private Deputy deputyWithSuggestion(String suggestionId, String number) {
        String id = Events.deputy();
        Deputy deputy = new Deputy(id, id.toLowerCase() + "@example.org", "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        producer.send("suggestions", "deputy:" + id, Events.fresh(), "/suggestion-service", "deputy.contact-updated.v1",
                Events.contact(id, "王某某", deputy.mobile(), deputy.email()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> contacts.of("shenzhen-npc", id) != null));
        String assigned = Events.fresh();
        producer.send("suggestions", suggestionId, assigned, "/suggestion-service", "suggestion.assigned.v1",
                Events.assigned(suggestionId, number, id, Events.unit(), Events.unit()));
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(deputy.email()).size() == 1);
        return deputy;
    }

    private static String replied(String caseId, String suggestionId, String number, String documentNumber) {
        return """
                {"caseId":"%s","suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","unitCode":"sz-zsj","role":"SOLE",
                 "state":"REPLIED","occurredAt":"2020-06-10T02:00:00Z","actor":"office-sz-zsj","documentNumber":"%s","category":"B",
                 "disclosure":"PUBLIC","issuedOn":"2020-06-10","dueOn":"2020-08-20","onTime":true,"round":1,"comment":null,
                 "commitmentCount":2,
                 "commitments":[{"measure":"年内上线政务数据共享平台二期","owner":"数据资源处","targetDate":"2020-12-31"},
                                {"measure":"建立数据共享考核机制","owner":"政务服务处","targetDate":"2021-06-30"}],
                 "aFieldFromTheFuture":1}""".formatted(caseId, suggestionId, number, documentNumber);
    }

    private static String letterPath(String caseId) {
        return "/api/v1/cases/" + caseId + "/reply-letter";
    }

    private static ResponseDefinitionBuilder letter(String documentNumber, byte[] content) {
        String filename = URLEncoder.encode(documentNumber + ".docx", StandardCharsets.UTF_8).replace("+", "%20");
        return aResponse().withStatus(200).withHeader("Content-Type", DOCX)
                .withHeader("Content-Disposition", "attachment; filename=\"reply-letter.docx\"; filename*=UTF-8''" + filename)
                .withBody(content);
    }

    private static List<LoggedRequest> letterRequests(String caseId) {
        return WireMockResource.server().findAll(getRequestedFor(urlEqualTo(letterPath(caseId))));
    }

    private Notification email(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId).stream()
                .filter(n -> n.channel == Channel.EMAIL).findFirst().orElse(null));
    }

    private static GreenMailResource.Received replyMail(Deputy deputy, String number) {
        return GreenMailResource.to(deputy.email()).stream().filter(m -> m.subject().equals("建议 " + number + " 已答复,请评价"))
                .findFirst().orElseThrow();
    }

    private static long replyMails(Deputy deputy, String number) {
        return GreenMailResource.to(deputy.email()).stream().filter(m -> m.subject().equals("建议 " + number + " 已答复,请评价")).count();
    }

    @Test
    void theDeputysEmailLinksToAndCarriesTheLetterEvenWhenWorkflowServiceWasDownAtFirst() {
        String suggestionId = Events.fresh();
        String caseId = Events.fresh();
        String number = "2020" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String documentNumber = "深政数函〔2020〕" + ThreadLocalRandom.current().nextInt(1000) + "号";
        byte[] content = ("PK\u0003\u0004 letter of " + caseId).getBytes(StandardCharsets.UTF_8);
        // workflow-service fails the first fetch, then serves the letter
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(caseId))).inScenario(caseId).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(caseId))).inScenario(caseId).whenScenarioStateIs("up")
                .willReturn(letter(documentNumber, content)));
        Deputy deputy = deputyWithSuggestion(suggestionId, number);

        String eventId = Events.fresh();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.replied.v1", replied(caseId, suggestionId, number, documentNumber));

        await().atMost(Duration.ofSeconds(30)).until(() -> email(eventId) != null && email(eventId).status == NotificationStatus.SENT);
        GreenMailResource.Received mail = replyMail(deputy, number);
        String link = LINK.formatted(caseId);
        assertTrue(mail.body().contains("答复函:" + link), mail.body());
        assertTrue(mail.body().contains("1. 年内上线政务数据共享平台二期(责任:数据资源处;完成时限:2020-12-31)"), mail.body());
        assertTrue(mail.body().contains("2. 建立数据共享考核机制(责任:政务服务处;完成时限:2021-06-30)"), mail.body());
        assertTrue(mail.body().contains(documentNumber), mail.body());
        assertEquals(1, mail.attachments().size());
        assertEquals("reply-letter.docx", mail.attachments().get(0).filename());
        assertTrue(mail.attachments().get(0).contentType().startsWith(DOCX), mail.attachments().get(0).contentType());
        assertArrayEquals(content, mail.attachments().get(0).content());
        // one fetch per try of the e-mail, each with the service token; the failed try sent nothing
        assertEquals(2, email(eventId).attempts);
        List<LoggedRequest> fetches = letterRequests(caseId);
        assertEquals(2, fetches.size());
        assertTrue(fetches.stream().allMatch(r -> "Bearer test-service-token".equals(r.getHeader("Authorization"))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> replyMails(deputy, number) == 1);

        // the SMS carries the link only, no letter and no list of measures
        await().atMost(Duration.ofSeconds(30)).until(() -> !smsTo(deputy.mobile(), number).isEmpty());
        String sms = smsTo(deputy.mobile(), number).get(0).getBodyAsString();
        assertTrue(sms.contains(link), sms);
        assertFalse(sms.contains("年内上线政务数据共享平台二期"), sms);
        // the inbox has the link and the measures
        String inbox = given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy.id()).sign())
                .when().get("/api/v1/inbox?size=200").then().statusCode(200).extract().asString();
        assertTrue(inbox.contains(link) && inbox.contains("建立数据共享考核机制"), inbox);
    }

    private static List<LoggedRequest> smsTo(String mobile, String number) {
        return WireMockResource.server().findAll(postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(mobile)))).stream()
                .filter(r -> r.getBodyAsString().contains("已答复")).toList();
    }

    @Test
    void withoutTheLetterTheEmailGoesOnceWithTheLinkOnly() {
        // 1: workflow-service does not know the letter (404): sent at once with the link
        String suggestionId = Events.fresh();
        String number = "2021" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Deputy deputy = deputyWithSuggestion(suggestionId, number);
        String missingCase = Events.fresh();
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(missingCase))).willReturn(aResponse().withStatus(404)));
        String missingEvent = Events.fresh();
        producer.send("cases", suggestionId, missingEvent, "/workflow-service", "case.replied.v1",
                replied(missingCase, suggestionId, number, "深政数函〔2020〕1号"));

        // 2: workflow-service keeps failing: after attach-attempts (3) tries the e-mail goes with the link only
        String suggestion2 = Events.fresh();
        String number2 = "2022" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Deputy deputy2 = deputyWithSuggestion(suggestion2, number2);
        String downCase = Events.fresh();
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(downCase))).willReturn(aResponse().withStatus(500)));
        String downEvent = Events.fresh();
        producer.send("cases", suggestion2, downEvent, "/workflow-service", "case.replied.v1",
                replied(downCase, suggestion2, number2, "深政数函〔2020〕2号"));

        // 3: a later letter was issued meanwhile (the endpoint serves the latest): this notice's letter is not that one
        String suggestion3 = Events.fresh();
        String number3 = "2023" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Deputy deputy3 = deputyWithSuggestion(suggestion3, number3);
        String laterCase = Events.fresh();
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(laterCase)))
                .willReturn(letter("深政数函〔2020〕99号", "PK later".getBytes(StandardCharsets.UTF_8))));
        String laterEvent = Events.fresh();
        producer.send("cases", suggestion3, laterEvent, "/workflow-service", "case.replied.v1",
                replied(laterCase, suggestion3, number3, "深政数函〔2020〕3号"));

        // 4: workflow-service answers after the client's read timeout, every time: like 2
        String suggestion4 = Events.fresh();
        String number4 = "2024" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Deputy deputy4 = deputyWithSuggestion(suggestion4, number4);
        String slowCase = Events.fresh();
        WireMockResource.server().stubFor(get(urlEqualTo(letterPath(slowCase)))
                .willReturn(letter("深政数函〔2020〕4号", "PK slow".getBytes(StandardCharsets.UTF_8)).withFixedDelay(2500)));
        String slowEvent = Events.fresh();
        producer.send("cases", suggestion4, slowEvent, "/workflow-service", "case.replied.v1",
                replied(slowCase, suggestion4, number4, "深政数函〔2020〕4号"));

        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(missingEvent, downEvent, laterEvent, slowEvent).stream()
                .allMatch(e -> email(e) != null && email(e).status == NotificationStatus.SENT));
        assertEquals(1, email(missingEvent).attempts);
        assertEquals(3, email(downEvent).attempts);
        assertEquals(3, letterRequests(downCase).size());
        assertEquals(1, email(laterEvent).attempts);
        assertEquals(3, email(slowEvent).attempts);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> replyMails(deputy, number) == 1
                && replyMails(deputy2, number2) == 1 && replyMails(deputy3, number3) == 1 && replyMails(deputy4, number4) == 1);
        for (var sent : List.of(List.of(deputy, number, missingCase), List.of(deputy2, number2, downCase), List.of(deputy3, number3, laterCase),
                List.of(deputy4, number4, slowCase))) {
            GreenMailResource.Received mail = replyMail((Deputy) sent.get(0), (String) sent.get(1));
            assertTrue(mail.attachments().isEmpty(), "no letter attached for case " + sent.get(2));
            assertTrue(mail.body().contains(LINK.formatted(sent.get(2))), mail.body());
        }
    }
}
