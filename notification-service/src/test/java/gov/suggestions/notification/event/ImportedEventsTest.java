package gov.suggestions.notification.event;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.InboxEvent;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.InboxEventRepository;
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
import io.restassured.http.ContentType;

/**
 * Steps replayed from a unit's previous platform ({@code "imported": true}) happened long ago: they tell no one (no e-mail,
 * SMS or inbox), while the subscribed systems still get them and the suggestion is still known to the live steps that follow.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class ImportedEventsTest {

    private static final String SUGGESTION_SOURCE = "/suggestion-service";
    private static final String CASE_SOURCE = "/workflow-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeputyContactRepository contacts;

    @Inject
    InboxEventRepository inbox;

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

    private void contact(String deputyId, String name, String email) {
        producer.send("suggestions", "deputy:" + deputyId, Events.fresh(), SUGGESTION_SOURCE, "deputy.contact-updated.v1",
                Events.contact(deputyId, name, "13800138000", email));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            var stored = contacts.of("shenzhen-npc", deputyId);
            return stored != null && java.util.Objects.equals(stored.email, email);
        }));
    }

    /** Processed: its inbox row is committed, in the transaction that would have stored its notices. */
    private void awaitProcessed(String source, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> inbox.findById(new InboxEvent.Key(source, eventId)) != null));
    }

    @Test
    void importedStepsMakeNoNoticesForPeopleButReachSubscribersAndKeepTheSuggestion() throws Exception {
        String path = "/hooks/" + Events.fresh();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String subscription = given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"name":"省人大建议系统","url":"%s","eventTypes":["case.replied.v1"],"secret":"%s","enabled":true}"""
                        .formatted(WireMockResource.server().baseUrl() + path, "a-long-shared-secret-" + Events.fresh()))
                .when().post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).extract().path("id");
        try {
            String deputy = Events.deputy();
            String deputyMail = deputy.toLowerCase() + "@example.org";
            contact(deputy, "王某某", deputyMail);
            String leadUnit = Events.unit();
            String officeMail = "office-" + leadUnit + "@example.gov.cn";
            NotificationFlowTest.registerStaff("office@" + leadUnit, "张某某", leadUnit, "unit-office", officeMail, "zh-CN");

            // last year's assignment and reply of a suggestion, brought over from the previous platform
            String migrated = Events.fresh();
            String migratedCase = Events.fresh();
            String importedAssigned = Events.fresh();
            String importedReplied = Events.fresh();
            producer.send("suggestions", migrated, importedAssigned, SUGGESTION_SOURCE, "suggestion.assigned.v1",
                    Events.imported(Events.assigned(migrated, "20190077", deputy, leadUnit, Events.unit())));
            producer.send("cases", migrated, importedReplied, CASE_SOURCE, "case.replied.v1",
                    Events.imported(Events.caseEvent(migratedCase, migrated, "20190077", leadUnit, "REPLIED")));
            // and a live assignment of another suggestion of the same deputy
            String live = Events.fresh();
            producer.send("suggestions", live, Events.fresh(), SUGGESTION_SOURCE, "suggestion.assigned.v1",
                    Events.assigned(live, "20200077", deputy, Events.unit(), Events.unit()));

            await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(deputyMail).size() >= 1);
            awaitProcessed(SUGGESTION_SOURCE, importedAssigned);
            awaitProcessed(CASE_SOURCE, importedReplied);
            // a live reply to the migrated suggestion: its deputy is found from the imported assignment
            producer.send("cases", migrated, Events.fresh(), CASE_SOURCE, "case.replied.v1",
                    Events.caseEvent(migratedCase, migrated, "20190077", leadUnit, "REPLIED"));

            await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailResource.to(deputyMail).size() >= 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> GreenMailResource.to(deputyMail).size() == 2);
            List<String> subjects = GreenMailResource.to(deputyMail).stream().map(GreenMailResource.Received::subject).sorted().toList();
            assertEquals(List.of("建议 20190077 已答复,请评价", "您的建议 20200077 已交办"), subjects);
            assertTrue(GreenMailResource.to(officeMail).isEmpty(), "the unit office is not told of last year's assignment");
            assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(importedAssigned)),
                    "no notice of any kind for the imported assignment");
            List<Notification> ofReply = QuarkusTransaction.requiringNew().call(() -> notifications.forEvent(importedReplied));
            assertEquals(1, ofReply.size(), "the subscriber's only");
            assertEquals(Channel.WEBHOOK, ofReply.get(0).channel);
            assertEquals(RecipientKind.SUBSCRIBER, ofReply.get(0).recipientKind);
            given().auth().oauth2(TestTokens.role("deputy").congressBody("shenzhen-npc").deputy(deputy).sign())
                    .when().get("/api/v1/inbox")
                    .then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.subject", containsInAnyOrder("建议 20190077 已答复,请评价", "您的建议 20200077 已交办"));
            given().auth().oauth2(TestTokens.role("unit-office").subject("office@" + leadUnit).unit(leadUnit).sign())
                    .when().get("/api/v1/inbox")
                    .then().statusCode(200)
                    .body("total", equalTo(0));

            // the subscriber mirrors the data: it gets the imported reply as it came, flag included
            LoggedRequest received = await().atMost(Duration.ofSeconds(30)).until(() -> WireMockResource.server()
                    .findAll(postRequestedFor(urlEqualTo(path))).stream()
                    .filter(r -> r.getBodyAsString().contains(importedReplied)).findFirst(), Optional::isPresent).orElseThrow();
            JsonNode forwarded = new ObjectMapper().readTree(received.getBodyAsString());
            assertEquals(importedReplied, forwarded.path("id").asText());
            assertEquals("case.replied.v1", forwarded.path("type").asText());
            assertTrue(forwarded.path("data").path("imported").booleanValue(), forwarded.toString());
            assertEquals(migrated, forwarded.path("data").path("suggestionId").asText());
        } finally {
            given().auth().oauth2(TestTokens.role("system").sign()).header("If-Match", "\"0\"")
                    .when().delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(204);
        }
    }
}
