package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 12: a deputy is (congress body, roster id); a scope claim that is missing shows nothing and never answers 5xx;
 * Idempotency-Key records belong to one tenant; import bodies with null lists answer 400 naming the field.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TenantIsolationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String body() {
        return "ti-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String registration(String body, String number, String deputy, String coSigner, String word) {
        return """
                { "congressBody": "%s", "number": "%s", "kind": "SUGGESTION", "title": "关于%s的建议", "body": "建议推进%s。",
                  "leadDeputy": { "id": "%s", "name": "王某某" }, "coSigners": [ { "id": "%s", "name": "李某某" } ],
                  "term": 6, "session": 8, "year": 2020, "submittedOn": "2020-05-10" }""".formatted(body, number, word, word, deputy, coSigner);
    }

    private static String office(String body) {
        return TestTokens.role("congress-office").congressBody(body).sign();
    }

    private static String register(String body, String deputy, String coSigner, String word) {
        return as(office(body)).body(registration(body, freshNumber(), deputy, coSigner, word)).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aDeputyTokenWithoutItsCongressBodyOrRosterIdIsRefusedOnEveryOperation() {
        String a = body();
        String id = register(a, "D-0117", "D-0118", "数据共享");
        for (String token : new String[] { TestTokens.role("deputy").deputy("D-0117").sign(),
                TestTokens.role("deputy").congressBody(a).sign() }) {
            as(token).when().get("/api/v1/suggestions/" + id).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)).body("type", equalTo("urn:gov-suggestions:problem:forbidden"));
            as(token).when().get("/api/v1/suggestions").then().statusCode(403).contentType("application/problem+json");
            as(token).when().get("/api/v1/units").then().statusCode(403);
        }
        as(TestTokens.role("deputy").congressBody(a).deputy("D-0117").sign()).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
    }

    @Test
    void aDeputyWithTheSameRosterIdInAnotherBodySeesNothingOfThisBody() {
        String a = body();
        String b = body();
        String id = register(a, "D-0117", "D-0118", "数据共享");
        for (String deputy : new String[] { "D-0117", "D-0118" }) {
            String same = TestTokens.role("deputy").congressBody(a).deputy(deputy).sign();
            String other = TestTokens.role("deputy").congressBody(b).deputy(deputy).sign();
            as(same).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
            as(same).when().get("/api/v1/suggestions").then().statusCode(200).body("items.id", hasItem(id));
            as(other).when().get("/api/v1/suggestions/" + id).then().statusCode(404);
            as(other).when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));
            as(other).queryParam("congressBody", a).when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void aCongressOfficeOrUnitTokenWithoutItsClaimSeesNothingAndChangesNothing() {
        String a = body();
        StringBuilder letters = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('g' + Character.digit(c, 16) % 16 % 20));
        }
        String word = letters.toString();
        String id = register(a, "D-0117", "D-0118", word);
        String noBody = TestTokens.role("congress-office").sign();
        as(noBody).when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));
        as(noBody).queryParam("congressBody", a).when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));
        as(noBody).when().get("/api/v1/suggestions/" + id).then().statusCode(404);
        as(noBody).when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(404);
        as(noBody).when().get("/api/v1/suggestions/" + id + "/reassignment-requests").then().statusCode(404);
        as(noBody).when().get("/api/v1/suggestions/" + id + "/similar").then().statusCode(404);
        // the search used to fall back to every body's suggestions for an office without its body
        as(TestTokens.role("gov-supervisor").sign()).queryParam("q", word).when().get("/api/v1/suggestions/search").then().statusCode(200)
                .body("id", hasItem(id));
        as(noBody).queryParam("q", word).when().get("/api/v1/suggestions/search").then().statusCode(200).body("size()", equalTo(0));
        as(noBody).queryParam("q", word).queryParam("congressBody", a).when().get("/api/v1/suggestions/search").then().statusCode(200)
                .body("size()", equalTo(0));
        as(office(body())).queryParam("q", word).queryParam("congressBody", a).when().get("/api/v1/suggestions/search")
                .then().statusCode(200).body("size()", equalTo(0));
        as(noBody).header("If-Match", "\"0\"").body("{ \"reason\": \"撤回\" }").when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(403).contentType("application/problem+json");
        as(noBody).header("If-Match", "\"0\"").body("{ \"units\": [ { \"unitCode\": \"sz-zsj\", \"role\": \"SOLE\" } ] }")
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(403);
        as(noBody).body("{ \"suggestionId\": \"" + id + "\" }").when().post("/api/v1/suggestions/" + id + "/links").then().statusCode(403);
        as(noBody).body(registration(a, freshNumber(), "D-1", "D-2", "数据")).when().post("/api/v1/suggestions").then().statusCode(403);
        as(noBody).body("{ \"rows\": [" + registration(a, freshNumber(), "D-1", "D-2", "数据") + "] }")
                .when().post("/api/v1/suggestion-imports").then().statusCode(403);
        as(noBody).contentType(ImportTest.XLSX).queryParam("congressBody", a).body(new byte[] { 1, 2, 3 })
                .when().post("/api/v1/suggestion-imports").then().statusCode(403);
        as(noBody).when().get("/api/v1/suggestion-imports/" + UUID.randomUUID()).then().statusCode(404);
        // another body's office naming this body in a spreadsheet upload
        as(office(body())).contentType(ImportTest.XLSX).queryParam("congressBody", a).body(new byte[] { 1, 2, 3 })
                .when().post("/api/v1/suggestion-imports").then().statusCode(403);

        for (String role : new String[] { "unit-office", "unit-leader", "handler" }) {
            String noUnit = TestTokens.role(role).sign();
            as(noUnit).when().get("/api/v1/suggestions").then().statusCode(200).body("total", equalTo(0));
            as(noUnit).when().get("/api/v1/suggestions/" + id).then().statusCode(404);
            as(noUnit).when().get("/api/v1/suggestions/" + id + "/history/verification").then().statusCode(404);
        }
        as(TestTokens.role("unit-office").sign()).body("{ \"reason\": \"不属于本单位职责\" }")
                .when().post("/api/v1/suggestions/" + id + "/reassignment-requests").then().statusCode(403);
    }

    @Test
    void anIdempotencyKeyBelongsToOneTenantAndIsReplayedOnlyToWhoMayStillSeeTheAnswer() {
        String a = body();
        String b = body();
        String key = "same-key-" + UUID.randomUUID();
        String number = freshNumber();
        String officeA = TestTokens.role("congress-office").subject("office-user").congressBody(a).sign();
        String officeB = TestTokens.role("congress-office").subject("office-user").congressBody(b).sign();
        String first = as(officeA).header("Idempotency-Key", key).body(registration(a, number, "D-1", "D-2", "数据"))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        as(officeA).header("Idempotency-Key", key).body(registration(a, number, "D-1", "D-2", "数据"))
                .when().post("/api/v1/suggestions").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        // the same subject and key in another body: B's own first request, never A's stored answer
        String second = as(officeB).header("Idempotency-Key", key).body(registration(b, number, "D-1", "D-2", "数据"))
                .when().post("/api/v1/suggestions").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .body("congressBody", equalTo(b)).extract().path("id");
        as(officeB).header("Idempotency-Key", key).body(registration(a, number, "D-1", "D-2", "数据"))
                .when().post("/api/v1/suggestions").then().statusCode(403);
        as(officeB).when().get("/api/v1/suggestions/" + first).then().statusCode(404);
        as(officeA).when().get("/api/v1/suggestions/" + second).then().statusCode(404);
        as(officeB).when().get("/api/v1/suggestions").then().statusCode(200).body("items.id", not(hasItem(first)));
    }

    @Test
    void importAndBulkBodiesWithNullListsOrElementsAnswer400NamingTheField() {
        String office = office(SuggestionRequests.BODY);
        as(office).body("{ \"rows\": null }").when().post("/api/v1/suggestion-imports").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("rows"));
        as(office).body("{ }").when().post("/api/v1/suggestion-imports").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("rows"));
        as(office).body("{ \"rows\": [] }").when().post("/api/v1/suggestion-imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows"));
        as(office).body("null").when().post("/api/v1/suggestion-imports").then().statusCode(400).contentType("application/problem+json");
        // a null row is that row's error, the others are imported
        as(office).body("{ \"rows\": [null, 5, \"x\", []] }").when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("rejected", equalTo(4));

        String system = TestTokens.role("system").sign();
        for (String path : new String[] { "/api/v1/units/bulk", "/api/v1/congress-bodies/bulk", "/api/v1/deputies/bulk" }) {
            as(system).body("null").when().post(path).then().statusCode(400).contentType("application/problem+json");
            as(system).body("[null]").when().post(path).then().statusCode(400).contentType("application/problem+json");
            as(system).body("[]").when().post(path).then().statusCode(400).contentType("application/problem+json");
        }
        as(system).body("[ { \"code\": \"x-npc\", \"name\": \"某\", \"kind\": \"NPC\", \"sessions\": [null] } ]")
                .when().post("/api/v1/congress-bodies/bulk").then().statusCode(400).contentType("application/problem+json");
        as(system).body("[ { \"code\": \"x-npc\", \"name\": \"某\", \"kind\": \"NPC\", \"sessions\": null } ]")
                .when().post("/api/v1/congress-bodies/bulk").then().statusCode(200);
        String id = register(SuggestionRequests.BODY, "D-1", "D-2", "数据");
        as(office).header("If-Match", "\"0\"").body("{ \"units\": null }").when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(400).body("violations[0].field", equalTo("units"));
        as(office).header("If-Match", "\"0\"").body("{ \"units\": [null] }").when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(400).contentType("application/problem+json");
        as(office).body(registration(SuggestionRequests.BODY, freshNumber(), "D-1", "D-2", "数据").replace("\"coSigners\": [", "\"coSigners\": [null, "))
                .when().post("/api/v1/suggestions").then().statusCode(400).contentType("application/problem+json");
        as(office).body(registration(SuggestionRequests.BODY, freshNumber(), "D-1", "D-2", "数据").replace("\"coSigners\": [",
                "\"topics\": [null], \"coSigners\": [")).when().post("/api/v1/suggestions").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
