package gov.suggestions.notification.event;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.repository.DeliveryAttemptRepository;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The SMS gateway (WireMock) failing in every way it can; e-mails must not wait for it. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class SmsDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryAttemptRepository attempts;

    @Inject
    DeputyContactRepository contacts;

    @Inject
    MeterRegistry meters;

    CloudEventProducer producer;

    @BeforeEach
    void openProducer() {
        producer = Events.producer(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private void stub(String phone, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        WireMockResource.server().stubFor(post(urlEqualTo("/sms/send")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone))).willReturn(response));
    }

    private static List<LoggedRequest> requestsFor(String phone) {
        return WireMockResource.server().findAll(postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone))));
    }

    private static long acceptedFor(String phone) {
        return WireMockResource.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("\"" + phone + "\""))
                .map(ServeEvent::getResponse).filter(r -> r.getStatus() == 200).count();
    }

    private String assignTo(String deputy, String mail, String phone) {
        producer.send("suggestions", "deputy:" + deputy, Events.fresh(), "/suggestion-service", "deputy.contact-updated.v1",
                Events.contact(deputy, "王某某", phone, mail));
        // contact data may travel on another partition than the assignment: wait until it is applied
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> contacts.of("shenzhen-npc", deputy) != null));
        String suggestionId = Events.fresh();
        String eventId = Events.fresh();
        producer.send("suggestions", suggestionId, eventId, "/suggestion-service", "suggestion.assigned.v1",
                Events.assigned(suggestionId, "20200055", deputy, Events.unit(), Events.unit()));
        return eventId;
    }

    private Notification sms(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(eventId).stream()
                .filter(n -> n.channel == Channel.SMS).findFirst().orElse(null));
    }

    @Test
    void gatewayDownThenSlowThenBackEveryEmailGoesAtOnceAndTheSmsIsDeliveredOnce() {
        String deputy = Events.deputy();
        String mail = deputy.toLowerCase() + "@example.org";
        String phone = mobile();
        stub(phone, aResponse().withStatus(503));
        String eventId = assignTo(deputy, mail, phone);

        // the gateway is down: the e-mail goes out all the same, the SMS waits for another try
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(mail).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(phone).size() >= 2);
        assertNotEquals(NotificationStatus.SENT, sms(eventId).status);

        // then it answers too slowly (beyond the client's read timeout): still not delivered
        int before = requestsFor(phone).size();
        stub(phone, aResponse().withStatus(200).withFixedDelay(2500));
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(phone).size() > before);

        // and it is back
        stub(phone, aResponse().withStatus(200).withBody("{\"code\":\"OK\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sms(eventId).status == NotificationStatus.SENT);
        Notification sent = sms(eventId);
        List<LoggedRequest> requests = requestsFor(phone);
        assertEquals(sent.attempts, requests.size(), "one request per recorded attempt");
        assertTrue(requests.stream().allMatch(r -> r.getBodyAsString().contains("\"outId\":\"" + sent.id + "\"")),
                "every try carries the same id so that the provider can drop a repeat");
        assertTrue(requests.get(0).getHeader("Authorization").startsWith("Basic "));
        assertTrue(requests.get(0).getBodyAsString().contains("王某某代表"), requests.get(0).getBodyAsString());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> requestsFor(phone).size() == requests.size());
        List<DeliveryAttempt> tries = QuarkusTransaction.requiringNew().call(() -> attempts.of(sent.id));
        assertEquals("SENT", tries.get(tries.size() - 1).outcome);
        assertTrue(tries.subList(0, tries.size() - 1).stream().allMatch(a -> "ERROR".equals(a.outcome) && a.finishedAt != null));
        assertEquals(1, GreenMailResource.to(mail).size());
        // the slow answer may have been accepted by the gateway after our timeout; outId lets it drop the repeat
        assertTrue(acceptedFor(phone) >= 1);
    }

    @Test
    void smsRetriedAfterGatewayTimeoutsCarryTheirOwnStableOutIdSoTheProviderDeliversEachOnce() {
        // three deputies; for each, the gateway takes the first two requests but answers after our read timeout, then answers at once
        List<String> phones = List.of(mobile(), mobile(), mobile());
        List<String> events = new java.util.ArrayList<>();
        for (String phone : phones) {
            String scenario = "timeouts-" + phone;
            var request = post(urlEqualTo("/sms/send")).atPriority(1).withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone)));
            WireMockResource.server().stubFor(request.inScenario(scenario).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                    .willReturn(aResponse().withStatus(200).withFixedDelay(2500).withBody("{\"code\":\"OK\"}")).willSetStateTo("slow again"));
            var again = post(urlEqualTo("/sms/send")).atPriority(1).withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone)));
            WireMockResource.server().stubFor(again.inScenario(scenario).whenScenarioStateIs("slow again")
                    .willReturn(aResponse().withStatus(200).withFixedDelay(2500).withBody("{\"code\":\"OK\"}")).willSetStateTo("fast"));
            var fast = post(urlEqualTo("/sms/send")).atPriority(1).withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone)));
            WireMockResource.server().stubFor(fast.inScenario(scenario).whenScenarioStateIs("fast")
                    .willReturn(aResponse().withStatus(200).withBody("{\"code\":\"OK\"}")));
            String deputy = Events.deputy();
            events.add(assignTo(deputy, deputy.toLowerCase() + "@example.org", phone));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().allMatch(e -> sms(e) != null && sms(e).status == NotificationStatus.SENT));
        java.util.Set<String> outIds = new java.util.HashSet<>();
        for (int i = 0; i < phones.size(); i++) {
            Notification sent = sms(events.get(i));
            List<LoggedRequest> requests = requestsFor(phones.get(i));
            assertEquals(3, sent.attempts, "two timeouts, then accepted");
            assertEquals(3, requests.size(), "one request per try");
            // the gateway took all three: a provider that drops repeats by outId delivers one SMS, because every try names the same one,
            // the notice's stored id (so a retry after a restart names it too)
            List<String> ids = requests.stream().map(r -> com.jayway.jsonpath.JsonPath.<String>read(r.getBodyAsString(), "$.outId")).distinct().toList();
            assertEquals(List.of(sent.id.toString()), ids);
            outIds.add(ids.get(0));
        }
        assertEquals(phones.size(), outIds.size(), "each SMS has its own outId");
    }

    @Test
    void aRefusedNumberFailsAtOnceAndAGatewayThatNeverRecoversFailsAfterTheLimit() {
        double failedBefore = failedSms();
        String refused = mobile();
        stub(refused, aResponse().withStatus(400).withBody("{\"code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}"));
        String refusedEvent = assignTo(Events.deputy(), null, refused);
        String down = mobile();
        stub(down, aResponse().withStatus(500));
        String downEvent = assignTo(Events.deputy(), null, down);

        await().atMost(Duration.ofSeconds(30)).until(() -> sms(refusedEvent) != null && sms(refusedEvent).status == NotificationStatus.FAILED);
        assertEquals(1, sms(refusedEvent).attempts);
        assertTrue(sms(refusedEvent).failureReason.contains("HTTP 400"), sms(refusedEvent).failureReason);

        await().atMost(Duration.ofSeconds(60)).until(() -> sms(downEvent) != null && sms(downEvent).status == NotificationStatus.FAILED);
        Notification failed = sms(downEvent);
        assertEquals(8, failed.attempts, "the configured limit in the test profile");
        assertTrue(failed.failureReason.startsWith("gave up after 8 attempts"), failed.failureReason);
        assertEquals(8, requestsFor(down).size());
        // the waits between the tries (exponential backoff with jitter) are pinned in BackoffTest
        // operators are alerted on this counter (suggestions_notices_failed_total{channel="SMS"})
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(failedSms() >= failedBefore + 2,
                "both given-up notices counted as failed SMS: " + failedBefore + " → " + failedSms()));
    }

    private double failedSms() {
        return meters.get("suggestions.notices.failed").tag("channel", Channel.SMS.name()).counter().count();
    }
}
