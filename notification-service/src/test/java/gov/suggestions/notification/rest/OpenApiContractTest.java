package gov.suggestions.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import gov.suggestions.notification.domain.Channel;
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
import io.restassured.specification.RequestSpecification;

/**
 * Real responses of every operation, successes and the documented errors, checked against the service's own
 * /q/openapi document; and every error response there is one of the shared ones, referred to by name.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class OpenApiContractTest {

    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NotificationRepository notifications;

    private OpenApiValidationFilter contract;
    private CloudEventProducer producer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void loadContract() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // bad requests are sent on purpose: their answers are what is checked
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build());
        producer = Events.producer(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private RequestSpecification as(String token) {
        return given().filter(contract).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void everyErrorResponseIsASharedOneReferredToByName() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> inline = new ArrayList<>();
        int errors = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                    continue;
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().toString().matches("[45]\\d\\d")) {
                        errors++;
                        Object ref = response.getValue() instanceof Map<?, ?> r ? r.get("$ref") : null;
                        if (ref == null || !ref.toString().startsWith("#/components/responses/")) {
                            inline.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        }
                    }
                }
            }
        }
        assertTrue(errors > 40, "the operations document their errors: " + errors);
        assertEquals(List.of(), inline, "error responses not referred to by name");
    }

    @Test
    void staffRecipientsMatchTheDocument() {
        String unit = Events.unit();
        String office = TestTokens.role("unit-office").unit(unit).sign();
        String body = """
                {"username":"chen@%s","name":"陈某某","unitCode":"%s","roles":["handler"],"email":"chen@example.gov.cn",
                 "mobile":"13900139000","locale":"zh-CN","preferredChannels":["EMAIL"]}""".formatted(unit, unit);
        var created = as(office).body(body).when().post("/api/v1/staff-recipients").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as(office).body(body).when().post("/api/v1/staff-recipients").then().statusCode(409);
        as(office).body(body.replace("chen@example.gov.cn", "not-an-address")).when().post("/api/v1/staff-recipients").then().statusCode(400);
        as(office).body(body.replace("\"" + unit + "\"", "\"" + Events.unit() + "\"").replace("chen@", "li@"))
                .when().post("/api/v1/staff-recipients").then().statusCode(409);
        as(office).when().get("/api/v1/staff-recipients").then().statusCode(200);
        as(office).when().get("/api/v1/staff-recipients?size=0").then().statusCode(400);
        as(office).when().get("/api/v1/staff-recipients/" + id).then().statusCode(200);
        as(office).when().get("/api/v1/staff-recipients/" + NOBODY).then().statusCode(404);
        as(office).body(body).when().put("/api/v1/staff-recipients/" + id).then().statusCode(428);
        String changed = as(office).header("If-Match", etag).body(body.replace("陈某某", "陈某"))
                .when().put("/api/v1/staff-recipients/" + id).then().statusCode(200).extract().header("ETag");
        as(office).header("If-Match", etag).body(body).when().put("/api/v1/staff-recipients/" + id).then().statusCode(412);
        as(office).header("If-Match", etag).when().delete("/api/v1/staff-recipients/" + id).then().statusCode(412);
        as(office).when().delete("/api/v1/staff-recipients/" + id).then().statusCode(428);
        as(TestTokens.role("handler").unit(unit).sign()).when().get("/api/v1/staff-recipients").then().statusCode(403);
        given().filter(contract).when().get("/api/v1/staff-recipients").then().statusCode(401);
        as(office).header("If-Match", changed).when().delete("/api/v1/staff-recipients/" + id).then().statusCode(204);
        as(office).header("If-Match", changed).when().delete("/api/v1/staff-recipients/" + id).then().statusCode(404);
    }

    @Test
    void rulesAndWebhookSubscriptionsMatchTheDocument() {
        // global rules are changed by platform-admin (or system) only
        String operator = TestTokens.role("platform-admin").sign();
        String eventType = "case.contract-" + Events.unit() + ".v1";
        String rule = """
                {"eventType":"%s","audience":"UNIT_OFFICE","channels":["EMAIL","INBOX"],"template":"staff-chased","enabled":false}"""
                .formatted(eventType);
        as(operator).when().get("/api/v1/notification-rules").then().statusCode(200);
        var created = as(operator).body(rule).when().post("/api/v1/notification-rules").then().statusCode(201).extract();
        String id = created.path("id");
        as(operator).body(rule).when().post("/api/v1/notification-rules").then().statusCode(409);
        as(operator).body(rule.replace("staff-chased", "no-such-template").replace("UNIT_OFFICE", "HANDLER"))
                .when().post("/api/v1/notification-rules").then().statusCode(409);
        as(operator).body(rule.replace("\"EMAIL\",", "\"PIGEON\",")).when().post("/api/v1/notification-rules").then().statusCode(400);
        String etag = as(operator).when().get("/api/v1/notification-rules/" + id).then().statusCode(200).extract().header("ETag");
        as(operator).when().get("/api/v1/notification-rules/" + java.util.UUID.randomUUID()).then().statusCode(404);
        as(operator).body(rule).when().put("/api/v1/notification-rules/" + id).then().statusCode(428);
        as(operator).header("If-Match", etag).body(rule.replace("\"EMAIL\",", "")).when().put("/api/v1/notification-rules/" + id).then().statusCode(200);
        as(operator).header("If-Match", etag).body(rule).when().put("/api/v1/notification-rules/" + id).then().statusCode(412);
        as(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).header("If-Match", "\"1\"").body(rule)
                .when().put("/api/v1/notification-rules/" + id).then().statusCode(403);
        as(operator).when().delete("/api/v1/notification-rules/" + id).then().statusCode(428);
        as(operator).header("If-Match", etag).when().delete("/api/v1/notification-rules/" + id).then().statusCode(412);
        // the document's bounds hold: an If-Match longer than its maxLength is refused, naming the header
        // (sent past the contract filter: the requests break the document on purpose)
        given().auth().oauth2(operator).header("If-Match", "\"" + "1".repeat(80) + "\"").when().delete("/api/v1/notification-rules/" + id).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("If-Match"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(rule.replace("\"template\":\"staff-chased\"", "\"template\":\"" + "x".repeat(101) + "\""))
                .when().post("/api/v1/notification-rules").then().statusCode(400).body("violations.field", hasItem("template"));
        as(TestTokens.role("unit-office").unit(Events.unit()).sign()).when().get("/api/v1/notification-rules").then().statusCode(403);

        String system = TestTokens.role("system").sign();
        String subscription = """
                {"name":"市民端 App","url":"https://citizen-app.example.gov.cn/hooks/suggestions","eventTypes":["%s"],
                 "secret":"a-long-shared-secret-0123456789","enabled":false}""".formatted(eventType);
        var hook = as(system).body(subscription).when().post("/api/v1/webhook-subscriptions").then().statusCode(201).extract();
        String hookId = hook.path("id");
        as(system).body(subscription.replace(eventType, "deputy.contact-updated.v1")).when().post("/api/v1/webhook-subscriptions")
                .then().statusCode(409);
        as(system).body(subscription.replace("https://citizen-app", "not a url")).when().post("/api/v1/webhook-subscriptions").then().statusCode(400);
        as(system).when().get("/api/v1/webhook-subscriptions").then().statusCode(200);
        String hookTag = as(system).when().get("/api/v1/webhook-subscriptions/" + hookId).then().statusCode(200).extract().header("ETag");
        as(system).when().get("/api/v1/webhook-subscriptions/" + NOBODY).then().statusCode(404);
        as(system).body(subscription).when().put("/api/v1/webhook-subscriptions/" + hookId).then().statusCode(428);
        String hookChanged = as(system).header("If-Match", hookTag).body(subscription.replace("市民端 App", "市民端"))
                .when().put("/api/v1/webhook-subscriptions/" + hookId).then().statusCode(200).extract().header("ETag");
        as(system).header("If-Match", hookTag).body(subscription).when().put("/api/v1/webhook-subscriptions/" + hookId).then().statusCode(412);
        as(operator).when().get("/api/v1/webhook-subscriptions").then().statusCode(403);
        as(system).header("If-Match", hookChanged).when().delete("/api/v1/webhook-subscriptions/" + hookId).then().statusCode(204);
        as(operator).header("If-Match", "\"1\"").when().delete("/api/v1/notification-rules/" + id).then().statusCode(204);
        as(operator).header("If-Match", "\"1\"").when().delete("/api/v1/notification-rules/" + id).then().statusCode(404);
    }

    @Test
    void inboxAndDeliveryLogMatchTheDocument() {
        String unit = Events.unit();
        String username = "handler@" + unit;
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON).body("""
                {"username":"%s","name":"陈某某","unitCode":"%s","roles":["handler"],"email":"h-%s@example.gov.cn","mobile":"13900139000"}"""
                .formatted(username, unit, unit)).when().post("/api/v1/staff-recipients").then().statusCode(201);
        String suggestionId = Events.fresh();
        String caseId = Events.fresh();
        String eventId = Events.fresh();
        producer.send("cases", suggestionId, eventId, "/workflow-service", "case.distributed.v1",
                Events.caseEvent(caseId, suggestionId, "20200900", unit, "DISTRIBUTED"));
        String noticeId = await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> notifications.forEvent(eventId).stream().filter(n -> n.channel == Channel.INBOX).map(n -> n.id.toString())
                        .findFirst().orElse(null)), java.util.Objects::nonNull);

        String handler = TestTokens.role("handler").subject(username).unit(unit).sign();
        as(handler).when().get("/api/v1/inbox").then().statusCode(200);
        as(handler).when().get("/api/v1/inbox?unread=true&size=500").then().statusCode(400);
        as(handler).when().get("/api/v1/inbox/" + noticeId).then().statusCode(200);
        as(handler).when().post("/api/v1/inbox/" + noticeId + "/read").then().statusCode(200);
        as(TestTokens.role("handler").subject("someone-else@" + unit).unit(unit).sign()).when().get("/api/v1/inbox/" + noticeId)
                .then().statusCode(404);
        as(TestTokens.role("handler").subject(username).unit(unit).sign()).when().post("/api/v1/inbox/" + NOBODY + "/read").then().statusCode(404);
        as(TestTokens.role("system").sign()).when().get("/api/v1/inbox").then().statusCode(403);
        given().filter(contract).when().get("/api/v1/inbox").then().statusCode(401);

        String office = TestTokens.role("unit-office").unit(unit).sign();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(office).when().get("/api/v1/delivery-log?caseId=" + caseId)
                .then().statusCode(200).body("items.attempts.flatten().size()", org.hamcrest.Matchers.greaterThan(0)));
        as(office).when().get("/api/v1/delivery-log?suggestionId=" + suggestionId).then().statusCode(200);
        as(office).when().get("/api/v1/delivery-log").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("suggestionId"));
        as(office).when().get("/api/v1/delivery-log?caseId=" + caseId + "&suggestionId=" + suggestionId).then().statusCode(400);
        as(handler).when().get("/api/v1/delivery-log?caseId=" + caseId).then().statusCode(403);
    }
}
