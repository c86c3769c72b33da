package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Tenants: a deputy is (congress body, roster id); a token without its scope claim sees nothing and changes
 * nothing; Idempotency-Key records are the tenant's and replayed only after the visibility check; request flags are
 * JSON booleans only.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TenantIsolationTest {

    static final String OTHER_BODY = "shenzhen-cppcc";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private String openCase(String suggestion, String unit) {
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        return awaitCase(suggestion, unit);
    }

    /** ASSIGNED → REPLIED with a category B reply (one commitment). */
    private static void toRepliedWithCommitment(String id, String unit) {
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("B", "正在解决,年内上线")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200);
    }

    @Test
    void theSameRosterIdInAnotherBodyIsAnotherPerson() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String id = openCase(suggestion, unit);
        toRepliedWithCommitment(id, unit);
        String etag = read(id, office(unit)).then().extract().header("ETag");

        // the lead deputy's and the co-signer's roster ids, in another body
        for (String other : List.of(deputy(OTHER_BODY, DEPUTY), deputy(OTHER_BODY, "D-0200"))) {
            read(id, other).then().statusCode(404);
            given().auth().oauth2(other).queryParam("suggestionId", suggestion).when().get("/api/v1/cases").then().statusCode(200)
                    .body("total", equalTo(0));
            given().auth().oauth2(other).queryParam("size", 200).when().get("/api/v1/cases").then().statusCode(200)
                    .body("items.suggestionId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(suggestion)));
            given().auth().oauth2(other).when().get("/api/v1/cases/" + id + "/reply-letter").then().statusCode(404);
            given().auth().oauth2(other).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(404);
        }
        given().auth().oauth2(deputy(OTHER_BODY, DEPUTY)).header("If-Match", etag).contentType("application/json")
                .body(Map.of("result", "SATISFIED")).when().post("/api/v1/cases/" + id + "/evaluation").then().statusCode(404);
        read(id, office(unit)).then().body("state", equalTo("REPLIED"));

        // the deputy's own body: sees it; the co-signer too
        read(id, deputy(DEPUTY)).then().statusCode(200);
        read(id, deputy("D-0200")).then().statusCode(200);
        given().auth().oauth2(deputy("D-0200")).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200);
        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED")).statusCode(200).body("state", equalTo("EVALUATED"));
    }

    @Test
    void aDeputyTokenWithoutItsCongressBodyOrRosterIdIsRefusedEverywhere() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String id = openCase(suggestion, unit);
        toRepliedWithCommitment(id, unit);
        String etag = read(id, office(unit)).then().extract().header("ETag");
        String noBody = TestTokens.role("deputy").deputy(DEPUTY).subject("deputy-" + DEPUTY).sign();
        String noId = TestTokens.role("deputy").congressBody(BODY).subject("deputy-x").sign();
        for (String token : List.of(noBody, noId)) {
            // the deputy's own operations: refused for the missing claim
            for (String path : List.of("/api/v1/cases", "/api/v1/cases/" + id, "/api/v1/cases/" + id + "/reply-letter",
                    "/api/v1/cases/" + id + "/commitments")) {
                given().auth().oauth2(token).when().get(path).then().statusCode(403).contentType("application/problem+json")
                        .body("type", equalTo("urn:gov-suggestions:problem:scope-missing")).body("status", equalTo(403));
            }
            // the others: refused for the role already
            for (String path : List.of("/api/v1/cases/" + id + "/history", "/api/v1/supervision/cases?view=OVERDUE",
                    "/api/v1/received-suggestions/" + suggestion)) {
                given().auth().oauth2(token).when().get(path).then().statusCode(403).contentType("application/problem+json");
            }
            // refused before the body is read: even an invalid evaluation answers 403
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(Map.of("result", "SATISFIED"))
                    .when().post("/api/v1/cases/" + id + "/evaluation").then().statusCode(403)
                    .body("type", equalTo("urn:gov-suggestions:problem:scope-missing"));
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(Map.of("result", 7))
                    .when().post("/api/v1/cases/" + id + "/evaluation").then().statusCode(403);
        }
        read(id, office(unit)).then().body("state", equalTo("REPLIED"));
    }

    @Test
    void aRoleWithoutItsScopeClaimSeesNothingAndChangesNothing() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String id = openCase(suggestion, unit);
        String etag = read(id, office(unit)).then().extract().header("ETag");
        String congressNoBody = TestTokens.role("congress-office").subject("office-" + BODY).sign();
        for (String role : List.of("unit-office", "unit-leader", "handler")) {
            String token = TestTokens.role(role).subject("office-" + unit).sign();
            given().auth().oauth2(token).when().get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0));
            read(id, token).then().statusCode(404);
        }
        given().auth().oauth2(congressNoBody).when().get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0));
        read(id, congressNoBody).then().statusCode(404);
        given().auth().oauth2(congressNoBody).when().get("/api/v1/received-suggestions/" + suggestion).then().statusCode(404);
        given().auth().oauth2(congressNoBody).queryParam("view", "OVERDUE").when().get("/api/v1/supervision/cases").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(TestTokens.role("unit-leader").sign()).queryParam("view", "DUE_SOON").when().get("/api/v1/supervision/cases")
                .then().statusCode(200).body("total", equalTo(0));
        // writes: 403 scope-missing
        given().auth().oauth2(TestTokens.role("unit-office").subject("office-" + unit).sign()).header("If-Match", etag)
                .contentType("application/json").body(DISTRIBUTION).when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(403)
                .body("type", equalTo("urn:gov-suggestions:problem:scope-missing"));
        given().auth().oauth2(congressNoBody).contentType("application/json").body(Map.of("comment", "请抓紧"))
                .when().post("/api/v1/cases/" + id + "/chases").then().statusCode(403).body("type", equalTo("urn:gov-suggestions:problem:scope-missing"));
        read(id, office(unit)).then().body("state", equalTo("ASSIGNED"));
    }

    @Test
    void anIdempotencyKeyIsTheTenantsAndIsReplayedOnlyAfterTheVisibilityCheck() {
        String unit = unitCode();
        String caseA = openCase(UUID.randomUUID().toString(), unit);
        String suggestionB = UUID.randomUUID().toString();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assignIn(OTHER_BODY, suggestionB, List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String caseB = awaitCase(suggestionB, unit);
        String officeA = TestTokens.role("congress-office").congressBody(BODY).subject("congress-office-clerk").sign();
        String officeB = TestTokens.role("congress-office").congressBody(OTHER_BODY).subject("congress-office-clerk").sign();
        String key = "chase-" + UUID.randomUUID();
        Map<String, Object> chase = Map.of("comment", "请抓紧");

        given().auth().oauth2(officeA).header("Idempotency-Key", key).contentType("application/json").body(chase)
                .when().post("/api/v1/cases/" + caseA + "/chases").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        // body B's office, same subject and key, A's case: not visible, so no stored answer
        given().auth().oauth2(officeB).header("Idempotency-Key", key).contentType("application/json").body(chase)
                .when().post("/api/v1/cases/" + caseA + "/chases").then().statusCode(404).header("Idempotent-Replayed", nullValue())
                .body("type", startsWith("urn:gov-suggestions:problem:not-found"));
        // on its own case the same subject and key are B's own: created, not replayed, not refused as reused
        given().auth().oauth2(officeB).header("Idempotency-Key", key).contentType("application/json").body(chase)
                .when().post("/api/v1/cases/" + caseB + "/chases").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        // A's retry still replays
        given().auth().oauth2(officeA).header("Idempotency-Key", key).contentType("application/json").body(chase)
                .when().post("/api/v1/cases/" + caseA + "/chases").then().statusCode(201).header("Idempotent-Replayed", "true");
        // a unit of the same subject and key, no claim of A's: 403 (a congress office without its body cannot write)
        given().auth().oauth2(TestTokens.role("congress-office").subject("congress-office-clerk").sign()).header("Idempotency-Key", key)
                .contentType("application/json").body(chase).when().post("/api/v1/cases/" + caseA + "/chases").then().statusCode(403)
                .header("Idempotent-Replayed", nullValue());
        List<String> actions = given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + caseA + "/history").then().extract().path("action");
        org.junit.jupiter.api.Assertions.assertEquals(1, actions.stream().filter("CHASE"::equals).count(), actions.toString());
    }

    @Test
    void aReplayForACaseNoLongerVisibleAnswers404() {
        // a unit office's record, then the same subject and key from another unit on the same case
        String unit = unitCode();
        String id = openCase(UUID.randomUUID().toString(), unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        String key = "ext-" + UUID.randomUUID();
        Map<String, Object> extension = Map.of("requestedDueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(5).toString(), "reason", "需等待平台升级");
        given().auth().oauth2(office(unit)).header("Idempotency-Key", key).contentType("application/json").body(extension)
                .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(201);
        String sameSubjectOtherUnit = TestTokens.role("unit-office").unit(unitCode()).subject("office-" + unit).sign();
        given().auth().oauth2(sameSubjectOtherUnit).header("Idempotency-Key", key).contentType("application/json").body(extension)
                .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(404).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aSharedCommunicationIsReplayedOnlyToACallerWhoSeesEveryCase() {
        String unit = unitCode();
        String id = openCase(UUID.randomUUID().toString(), unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        String key = "sym-" + UUID.randomUUID();
        Map<String, Object> symposium = new java.util.HashMap<>(phoneCall());
        symposium.put("kind", "SYMPOSIUM");
        symposium.put("caseIds", List.of(id));
        given().auth().oauth2(handler(unit)).header("Idempotency-Key", key).contentType("application/json").body(symposium)
                .when().post("/api/v1/communications").then().statusCode(201);
        String sameSubjectOtherUnit = TestTokens.role("handler").unit(unitCode()).subject("handler-" + unit).sign();
        given().auth().oauth2(sameSubjectOtherUnit).header("Idempotency-Key", key).contentType("application/json").body(symposium)
                .when().post("/api/v1/communications").then().statusCode(404).header("Idempotent-Replayed", nullValue())
                .body("detail", org.hamcrest.Matchers.containsString(id));
        given().auth().oauth2(handler(unit)).header("Idempotency-Key", key).contentType("application/json").body(symposium)
                .when().post("/api/v1/communications").then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    /** A token with several roles (TestTokens makes one role a token), signed with the same local test key. */
    private static String multiRole(java.util.Set<String> roles, String congressBody, String unit) throws Exception {
        String pem;
        try (java.io.InputStream in = TestTokens.class.getResourceAsStream("/jwt/local-private.pem")) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
        java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
        var claims = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).subject("multi-role").upn("multi-role").groups(roles)
                .issuedAt(java.time.Instant.now()).expiresAt(java.time.Instant.now().plusSeconds(600)).claim("jti", UUID.randomUUID().toString());
        if (congressBody != null) {
            claims.claim("congress_body", congressBody);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims.jws().keyId("local").sign(key);
    }

    @Test
    void aTokenWithSeveralScopedRolesGetsTheNarrowestScope() throws Exception {
        String unit = unitCode();
        String id = openCase(UUID.randomUUID().toString(), unit);
        String etag = read(id, office(unit)).then().extract().header("ETag");
        // congress office of the case's body and unit office of another unit: the unit's condition applies too
        String mixed = multiRole(java.util.Set.of("congress-office", "unit-office"), BODY, unitCode());
        read(id, mixed).then().statusCode(404);
        given().auth().oauth2(mixed).header("If-Match", etag).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(404);
        // the unit claim missing for its unit role: nothing, and no change
        String noUnit = multiRole(java.util.Set.of("congress-office", "unit-office"), BODY, null);
        read(id, noUnit).then().statusCode(404);
        given().auth().oauth2(noUnit).header("If-Match", etag).contentType("application/json").body(DISTRIBUTION)
                .when().post("/api/v1/cases/" + id + "/distribution").then().statusCode(403);
        // both claims of the case: allowed
        String both = multiRole(java.util.Set.of("congress-office", "unit-office"), BODY, unit);
        read(id, both).then().statusCode(200);
        read(id, office(unit)).then().body("state", equalTo("ASSIGNED"));
    }

    @Test
    void aCommitmentFlagIsAJsonBooleanOnly() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String id = openCase(suggestion, unit);
        toRepliedWithCommitment(id, unit);
        String commitment = given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200)
                .extract().path("[0].id");
        for (String body : List.of("{\"note\":\"已完成\",\"fulfilled\":2}", "{\"note\":\"已完成\",\"fulfilled\":1}", "{\"note\":\"已完成\",\"fulfilled\":\"true\"}",
                "{\"note\":\"已完成\",\"fulfilled\":null}")) {
            given().auth().oauth2(handler(unit)).contentType("application/json").body(body)
                    .when().post("/api/v1/cases/" + id + "/commitments/" + commitment + "/progress").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("fulfilled"));
        }
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200)
                .body("[0].status", equalTo("IN_PROGRESS")).body("[0].progress.size()", equalTo(0));
        // a participant's leader flag likewise
        Map<String, Object> call = new java.util.HashMap<>(phoneCall());
        call.put("participants", List.of(Map.of("name", "王副局长", "leader", 1)));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(call).header("If-Match", read(id, handler(unit)).header("ETag"))
                .when().post("/api/v1/cases/" + id + "/communications").then().statusCode(400);
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "平台二期已上线", "fulfilled", true))
                .when().post("/api/v1/cases/" + id + "/commitments/" + commitment + "/progress").then().statusCode(201)
                .body("status", equalTo("FULFILLED"));
    }
}
