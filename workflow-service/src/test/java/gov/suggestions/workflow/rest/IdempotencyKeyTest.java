package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** A retry of a create with the same Idempotency-Key gets the first response and creates nothing more. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class IdempotencyKeyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    gov.suggestions.workflow.support.SettableClock clock;

    @jakarta.inject.Inject
    gov.suggestions.workflow.service.Idempotency idempotency;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private String distributedCase(String unit) {
        String suggestion = UUID.randomUUID().toString();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        return id;
    }

    private static Map<String, Object> symposium(String caseId, String summary) {
        Map<String, Object> body = new HashMap<>(phoneCall());
        body.put("kind", "SYMPOSIUM");
        body.put("summary", summary);
        body.put("caseIds", List.of(caseId));
        return body;
    }

    private static Response postShared(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/communications");
    }

    @Test
    void aRetriedSharedCommunicationIsRecordedOnceAndAnsweredTheSame() {
        String unit = unitCode();
        String id = distributedCase(unit);
        String key = "sym-" + UUID.randomUUID();
        Response first = postShared(handler(unit), key, symposium(id, "座谈会"));
        first.then().statusCode(201);
        Response retry = postShared(handler(unit), key, symposium(id, "座谈会"));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")))
                .body("cases[0].version", equalTo((Integer) first.path("cases[0].version")));
        assertEquals(first.asString().length(), retry.asString().length());
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(1));

        // the same key with another request: 422, nothing recorded
        postShared(handler(unit), key, symposium(id, "另一次座谈会")).then().statusCode(422)
                .body("type", containsString("idempotency-key-reused")).body("violations[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(1));
        // keys are the caller's own: another person of the unit using the same key records their own
        String colleague = TestTokens.role("handler").unit(unit).subject("handler-2-" + unit).sign();
        postShared(colleague, key, symposium(id, "座谈会")).then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(2));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnce() throws Exception {
        String unit = unitCode();
        String id = distributedCase(unit);
        String key = "sym-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> postShared(handler(unit), key, symposium(id, "座谈会")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                f.get().then().statusCode(201);
                ids.add(f.get().path("id"));
            }
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(1));
    }

    @Test
    void perCaseCreatesReplayEvenWhenTheRetryCarriesANewerETag() {
        String unit = unitCode();
        String id = distributedCase(unit);
        String key = "draft-" + UUID.randomUUID();
        String etag = read(id, handler(unit)).header("ETag");
        Response first = given().auth().oauth2(handler(unit)).header("Idempotency-Key", key).header("If-Match", etag).contentType("application/json")
                .body(draft("A", "已解决")).when().post("/api/v1/cases/" + id + "/drafts");
        first.then().statusCode(201).body("version", equalTo(1));
        String newer = read(id, handler(unit)).header("ETag");
        given().auth().oauth2(handler(unit)).header("Idempotency-Key", key).header("If-Match", newer).contentType("application/json")
                .body(draft("A", "已解决")).when().post("/api/v1/cases/" + id + "/drafts")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", first.header("ETag")).body("version", equalTo(1));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/drafts").then().body("", hasSize(1));

        // chasing twice with one key is one chase
        String chaseKey = "chase-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(supervisor()).header("Idempotency-Key", chaseKey).contentType("application/json").body(Map.of("comment", "请抓紧"))
                    .when().post("/api/v1/cases/" + id + "/chases").then().statusCode(201);
        }
        List<String> actions = given().auth().oauth2(office(unit)).when().get("/api/v1/cases/" + id + "/history").then().extract().path("action");
        assertEquals(1, actions.stream().filter("CHASE"::equals).count(), actions.toString());
    }

    @Test
    void aKeyOutsideTheBoundsIsRefusedBeforeAnythingHappens() {
        String unit = unitCode();
        String id = distributedCase(unit);
        for (String bad : List.of("short", "has spaces in it", "x".repeat(101))) {
            postShared(handler(unit), bad, symposium(id, "座谈会")).then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        }
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(0));
    }

    @Test
    void aKeyIsForgottenAfterTheRetentionAndThenCreatesAnew() {
        String unit = unitCode();
        String id = distributedCase(unit);
        String key = "sym-" + UUID.randomUUID();
        postShared(handler(unit), key, symposium(id, "座谈会")).then().statusCode(201);
        clock.advance(java.time.Duration.ofDays(6));
        idempotency.forgetExpired();
        postShared(handler(unit), key, symposium(id, "另一次座谈会")).then().statusCode(422);
        clock.advance(java.time.Duration.ofDays(2));
        org.junit.jupiter.api.Assertions.assertTrue(idempotency.forgetExpired() >= 1);
        postShared(handler(unit), key, symposium(id, "另一次座谈会")).then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().body("", hasSize(2));
    }
}
