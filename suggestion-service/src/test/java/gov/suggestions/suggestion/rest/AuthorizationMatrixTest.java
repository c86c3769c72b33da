package gov.suggestions.suggestion.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the service's own OpenAPI document, called by every caller of the authorization model: the owner
 * of the fixture, the same role in another congress body and another unit, a deputy with the same roster id in another
 * body, each role without its scope claim, a system token narrowed to another body, and without a token. The expected answers are written down, independently
 * of the code, in {@code src/test/resources/authorization-matrix.tsv}; an operation without lines there (a new
 * endpoint) or lines naming an operation that no longer exists fail the test.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AuthorizationMatrixTest {

    private static final List<String> CALLERS = List.of("anonymous", "office-A", "office-B", "office-none", "unit-X", "unit-Y",
            "unit-none", "deputy-A", "deputy-B", "deputy-no-body", "deputy-no-id", "supervisor", "system", "system-B", "admin");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");
    private static final String LEAD_DEPUTY = "D-0117";

    /** One request, ready to send; {@code marker} is what a "200+" answer must hold and a "200-" answer must not. */
    record Call(String path, String body, String contentType, Map<String, String> headers, String marker) {
        Call(String path, String body, String marker) {
            this(path, body, body == null ? null : "application/json", Map.of(), marker);
        }

        Call ifMatch(String etag) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("If-Match", etag);
            return new Call(path, body, contentType, h, marker);
        }
    }

    @Inject
    ObjectMapper objectMapper;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String bodyA = "mx-a-" + suffix;
    private final String bodyB = "mx-b-" + suffix;
    private final String unitX = "mx-x-" + suffix;
    private final String unitY = "mx-y-" + suffix;
    private final String word = letters();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    // the fixture: a suggestion of body A led by D-0117, assigned to unit X, with X's pending reassignment request
    private String suggestion;
    private String request;
    private String job;

    @Test
    void everyOperationAnswersEveryCallerAsWrittenDown() throws IOException {
        Map<String, Map<String, String>> expected = expectedTable();
        Set<String> documented = documentedOperations();

        Set<String> undocumented = new TreeSet<>(documented);
        undocumented.removeAll(expected.keySet());
        Set<String> gone = new TreeSet<>(expected.keySet());
        gone.removeAll(documented);
        assertTrue(undocumented.isEmpty(), "operations without expected answers in authorization-matrix.tsv: " + undocumented);
        assertTrue(gone.isEmpty(), "authorization-matrix.tsv names operations the OpenAPI document no longer has: " + gone);
        expected.forEach((operation, row) -> assertEquals(new TreeSet<>(CALLERS), new TreeSet<>(row.keySet()),
                "callers written down for " + operation));

        tokens();
        fixture();
        Map<String, Supplier<Call>> scenarios = scenarios();
        Set<String> withoutScenario = new TreeSet<>(documented);
        withoutScenario.removeAll(scenarios.keySet());
        assertTrue(withoutScenario.isEmpty(), "operations this test cannot call yet: " + withoutScenario);

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String operation : new TreeSet<>(documented)) {
            String method = operation.substring(0, operation.indexOf(' '));
            for (String caller : CALLERS) {
                String want = expected.get(operation).get(caller);
                Call call = scenarios.get(operation).get(); // fresh per row: a write that succeeds never breaks a later row
                Response answer = send(method, call, tokens.get(caller));
                calls++;
                String problem = check(answer, want, call.marker());
                if (problem != null) {
                    failures.add(operation + " as " + caller + ": expected " + want + ", got " + answer.statusCode() + problem
                            + (answer.statusCode() >= 400 ? " " + abbreviated(answer.asString()) : ""));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + calls + " answers differ from authorization-matrix.tsv:\n  " + String.join("\n  ", failures));
        }
        System.out.printf("[authorization] %d operations x %d callers, all as expected%n", documented.size(), CALLERS.size());
    }

    private static String check(Response answer, String want, String marker) {
        int status = answer.statusCode();
        int wanted = Integer.parseInt(want.replaceAll("[+-]$", ""));
        if (status != wanted) {
            return "";
        }
        if (status >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
            return " (not application/problem+json: " + answer.contentType() + ")";
        }
        if (want.endsWith("+") && !answer.asString().contains(marker)) {
            return " (the answer does not hold the fixture " + marker + ")";
        }
        if (want.endsWith("-") && answer.asString().contains(marker)) {
            return " (the answer holds the fixture " + marker + ", which is outside the caller's scope)";
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // --- the document and the table

    private Set<String> documentedOperations() throws IOException {
        JsonNode document = objectMapper.readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    private static Map<String, Map<String, String>> expectedTable() throws IOException {
        Map<String, Map<String, String>> table = new TreeMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.tsv")) {
            assertTrue(in != null, "src/test/resources/authorization-matrix.tsv is missing");
            int lineNumber = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.trim().split("\\s+");
                assertEquals(4, cells.length, "authorization-matrix.tsv line " + lineNumber + ": METHOD path caller status");
                assertTrue(CALLERS.contains(cells[2]), "authorization-matrix.tsv line " + lineNumber + ": unknown caller " + cells[2]);
                assertTrue(cells[3].matches("[1-5][0-9][0-9][+-]?"), "authorization-matrix.tsv line " + lineNumber + ": status " + cells[3]);
                String previous = table.computeIfAbsent(cells[0] + " " + cells[1], k -> new TreeMap<>()).put(cells[2], cells[3]);
                assertTrue(previous == null, "authorization-matrix.tsv line " + lineNumber + ": a second line for " + cells[0] + " "
                        + cells[1] + " " + cells[2]);
            }
        }
        return table;
    }

    // --- callers

    private void tokens() {
        tokens.put("anonymous", null);
        tokens.put("office-A", TestTokens.role("congress-office").congressBody(bodyA).sign());
        tokens.put("office-B", TestTokens.role("congress-office").congressBody(bodyB).sign());
        tokens.put("office-none", TestTokens.role("congress-office").sign());
        tokens.put("unit-X", TestTokens.role("unit-office").unit(unitX).sign());
        tokens.put("unit-Y", TestTokens.role("unit-office").unit(unitY).sign());
        tokens.put("unit-none", TestTokens.role("unit-office").sign());
        tokens.put("deputy-A", TestTokens.role("deputy").congressBody(bodyA).deputy(LEAD_DEPUTY).sign());
        tokens.put("deputy-B", TestTokens.role("deputy").congressBody(bodyB).deputy(LEAD_DEPUTY).sign());
        tokens.put("deputy-no-body", TestTokens.role("deputy").deputy(LEAD_DEPUTY).sign());
        tokens.put("deputy-no-id", TestTokens.role("deputy").congressBody(bodyA).sign());
        tokens.put("supervisor", TestTokens.role("gov-supervisor").sign());
        tokens.put("system", TestTokens.role("system").sign());
        tokens.put("system-B", TestTokens.role("system").congressBody(bodyB).sign());
        tokens.put("admin", TestTokens.role("platform-admin").sign());
    }

    private RequestSpecification as(String caller) {
        return given().header("Authorization", "Bearer " + tokens.get(caller)).contentType(ContentType.JSON);
    }

    private static Response send(String method, Call call, String token) {
        RequestSpecification spec = given();
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        call.headers().forEach(spec::header);
        if (call.body() != null) {
            spec.contentType(call.contentType()).body(call.body());
        }
        return spec.when().request(method, call.path()).andReturn();
    }

    // --- fixtures, made through the API as their owners make them

    private void fixture() {
        as("admin").body(congressBody(bodyA, "某市人民代表大会")).when().post("/api/v1/congress-bodies").then().statusCode(201);
        as("admin").body(congressBody(bodyB, "某市政协")).when().post("/api/v1/congress-bodies").then().statusCode(201);
        as("admin").body(unit(unitX, "某市政务服务数据管理局")).when().post("/api/v1/units").then().statusCode(201);
        as("admin").body(unit(unitY, "某市发展和改革委员会")).when().post("/api/v1/units").then().statusCode(201);
        as("office-A").body(deputy(bodyA, LEAD_DEPUTY)).when().post("/api/v1/deputies").then().statusCode(201);
        // numbered to sort first in body A's list, whatever the rows below add
        suggestion = register("A0" + suffix);
        assign(suggestion);
        request = requestReassignment(suggestion);
        job = as("office-A").body("{ \"rows\": [" + registration("A1" + suffix) + "] }").when().post("/api/v1/suggestion-imports")
                .then().statusCode(200).extract().path("id");
    }

    private Map<String, Supplier<Call>> scenarios() {
        String s = "/api/v1/suggestions";
        Map<String, Supplier<Call>> scenarios = new TreeMap<>();
        scenarios.put("POST " + s, () -> new Call(s, registration(number()), null));
        scenarios.put("GET " + s, () -> new Call(s + "?congressBody=" + bodyA, null, suggestion));
        scenarios.put("GET " + s + "/{id}", () -> new Call(s + "/" + suggestion, null, suggestion));
        scenarios.put("POST " + s + "/{id}/withdrawal",
                () -> new Call(s + "/" + register(number()) + "/withdrawal", "{ \"reason\": \"代表申请撤回\" }", null).ifMatch("\"0\""));
        scenarios.put("POST " + s + "/{id}/assignment", () -> new Call(s + "/" + register(number()) + "/assignment",
                "{ \"units\": [ { \"unitCode\": \"" + unitX + "\", \"role\": \"SOLE\" } ] }", null).ifMatch("\"0\""));
        scenarios.put("POST " + s + "/{id}/reassignment-requests", () -> {
            String id = register(number());
            assign(id);
            return new Call(s + "/" + id + "/reassignment-requests", "{ \"reason\": \"不属于本单位职责\" }", null);
        });
        scenarios.put("GET " + s + "/{id}/reassignment-requests", () -> new Call(s + "/" + suggestion + "/reassignment-requests", null, request));
        for (String decision : List.of("approval", "rejection")) {
            scenarios.put("POST " + s + "/{id}/reassignment-requests/{requestId}/" + decision, () -> {
                String id = register(number());
                assign(id);
                String requestId = requestReassignment(id);
                return new Call(s + "/" + id + "/reassignment-requests/" + requestId + "/" + decision, "approval".equals(decision)
                        ? "{ \"addedUnits\": [ { \"unitCode\": \"" + unitY + "\", \"role\": \"SOLE\" } ], \"comment\": \"同意\" }"
                        : "{ \"comment\": \"属于本单位职责范围\" }", null);
            });
        }
        scenarios.put("GET " + s + "/{id}/history", () -> new Call(s + "/" + suggestion + "/history", null, suggestion));
        scenarios.put("GET " + s + "/{id}/history/verification", () -> new Call(s + "/" + suggestion + "/history/verification", null, null));
        scenarios.put("GET " + s + "/search", () -> new Call(s + "/search?q=" + word + "&congressBody=" + bodyA, null, suggestion));
        scenarios.put("GET " + s + "/{id}/similar", () -> new Call(s + "/" + suggestion + "/similar", null, null));
        scenarios.put("POST " + s + "/{id}/links", () -> new Call(s + "/" + register(number()) + "/links",
                "{ \"suggestionId\": \"" + register(number()) + "\" }", null));

        String i = "/api/v1/suggestion-imports";
        scenarios.put("POST " + i, () -> new Call(i, "{ \"rows\": [" + registration(number()) + "] }", null));
        scenarios.put("GET " + i + "/template", () -> new Call(i + "/template", null, null));
        scenarios.put("GET " + i + "/{jobId}", () -> new Call(i + "/" + job, null, job));

        String c = "/api/v1/congress-bodies";
        scenarios.put("GET " + c, () -> new Call(c + "?size=200", null, bodyA));
        scenarios.put("POST " + c, () -> new Call(c, congressBody(code("mx-c-"), "某区人大"), null));
        scenarios.put("GET " + c + "/{code}", () -> new Call(c + "/" + bodyA, null, bodyA));
        scenarios.put("PUT " + c + "/{code}", () -> new Call(c + "/" + bodyA, congressBody(bodyA, "某市人民代表大会"), null)
                .ifMatch(etag(c + "/" + bodyA)));
        scenarios.put("DELETE " + c + "/{code}", () -> {
            String code = code("mx-c-");
            as("admin").body(congressBody(code, "某区人大")).when().post(c).then().statusCode(201);
            return new Call(c + "/" + code, null, null).ifMatch("\"0\"");
        });
        scenarios.put("POST " + c + "/bulk", () -> new Call(c + "/bulk", "[" + congressBody(code("mx-c-"), "某区人大") + "]", null));

        String u = "/api/v1/units";
        scenarios.put("GET " + u, () -> new Call(u, null, unitX));
        scenarios.put("POST " + u, () -> new Call(u, unit(code("mx-u-"), "某区住房和建设局"), null));
        scenarios.put("GET " + u + "/{code}", () -> new Call(u + "/" + unitX, null, unitX));
        scenarios.put("PUT " + u + "/{code}", () -> new Call(u + "/" + unitX, unit(unitX, "某市政务服务数据管理局"), null)
                .ifMatch(etag(u + "/" + unitX)));
        scenarios.put("DELETE " + u + "/{code}", () -> {
            String code = code("mx-u-");
            as("admin").body(unit(code, "某区住房和建设局")).when().post(u).then().statusCode(201);
            return new Call(u + "/" + code, null, null).ifMatch("\"0\"");
        });
        scenarios.put("POST " + u + "/bulk", () -> new Call(u + "/bulk", "[" + unit(code("mx-u-"), "某区住房和建设局") + "]", null));

        String d = "/api/v1/deputies";
        scenarios.put("GET " + d, () -> new Call(d + "?congressBody=" + bodyA + "&size=200", null, "\"" + LEAD_DEPUTY + "\""));
        scenarios.put("POST " + d, () -> new Call(d, deputy(bodyA, code("D-")), null));
        scenarios.put("GET " + d + "/{congressBody}/{id}", () -> new Call(d + "/" + bodyA + "/" + LEAD_DEPUTY, null, LEAD_DEPUTY));
        scenarios.put("PUT " + d + "/{congressBody}/{id}", () -> {
            String id = code("D-");
            as("office-A").body(deputy(bodyA, id)).when().post(d).then().statusCode(201);
            return new Call(d + "/" + bodyA + "/" + id, deputy(bodyA, id).replace("13800000000", "13900000000"), null).ifMatch("\"0\"");
        });
        scenarios.put("DELETE " + d + "/{congressBody}/{id}", () -> {
            String id = code("D-");
            as("office-A").body(deputy(bodyA, id)).when().post(d).then().statusCode(201);
            return new Call(d + "/" + bodyA + "/" + id, null, null).ifMatch("\"0\"");
        });
        scenarios.put("POST " + d + "/bulk", () -> new Call(d + "/bulk", "[" + deputy(bodyA, code("D-")) + "]", null));
        return scenarios;
    }

    private String register(String number) {
        return as("office-A").body(registration(number)).when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
    }

    private void assign(String id) {
        as("office-A").header("If-Match", "\"0\"").body("{ \"units\": [ { \"unitCode\": \"" + unitX + "\", \"role\": \"SOLE\" } ] }")
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
    }

    private String requestReassignment(String id) {
        return as("unit-X").body("{ \"reason\": \"不属于本单位职责\" }").when().post("/api/v1/suggestions/" + id + "/reassignment-requests")
                .then().statusCode(201).extract().path("id");
    }

    private String etag(String path) {
        return as("admin").when().get(path).then().statusCode(200).extract().header("ETag");
    }

    private String registration(String number) {
        return """
                { "congressBody": "%s", "number": "%s", "kind": "SUGGESTION", "title": "关于推进%s数据共享的建议",
                  "body": "建议推进%s政务数据共享。", "leadDeputy": { "id": "%s", "name": "王某某", "delegation": "福田代表团" },
                  "term": 6, "session": 8, "year": 2020, "submittedOn": "2020-05-10" }""".formatted(bodyA, number, word, word, LEAD_DEPUTY);
    }

    private static String congressBody(String code, String name) {
        return """
                { "code": "%s", "name": "%s", "kind": "NPC",
                  "sessions": [ { "term": 6, "session": 8, "year": 2020, "name": "第六届人民代表大会第八次会议" } ] }""".formatted(code, name);
    }

    private static String unit(String code, String name) {
        return """
                { "code": "%s", "name": "%s", "unifiedSocialCreditCode": "11440300MB2C92413C" }""".formatted(code, name);
    }

    private static String deputy(String body, String id) {
        return """
                { "congressBody": "%s", "id": "%s", "name": "王某某", "delegation": "福田代表团",
                  "phone": "13800000000", "email": "wang@example.org" }""".formatted(body, id);
    }

    private static String number() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A made-up word of latin letters the search can find in the fixture's title and nowhere else. */
    private static String letters() {
        StringBuilder word = new StringBuilder("mx");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append((char) ('g' + Character.digit(c, 16)));
        }
        return word.toString();
    }
}
