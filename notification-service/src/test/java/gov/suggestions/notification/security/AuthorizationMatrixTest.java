package gov.suggestions.notification.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the service's own OpenAPI document, called by every kind of caller, against the answers written down
 * in {@code authorization-matrix.tsv} (from the authorization model, not from the code). An operation without lines there,
 * or a line naming an operation that is gone, fails the test.
 * <p>
 * Callers are derived from each operation's owner (the caller whose scope owns the fixture): {@code owner};
 * {@code other-body} (the owner's role and claims, congress_body = another body); {@code other-unit} (unit = another
 * unit); {@code deputy-other-body} (a deputy with the owner deputy's roster id in another body); {@code no-congress_body},
 * {@code no-unit}, {@code no-deputy} (the owner's token without that claim; where the owner has no such claim it is the
 * owner's token); {@code anonymous} (no token). Expected answers: a status, or {@code 200:sees} / {@code 200:blind} for
 * lists that must (not) show the fixture.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class AuthorizationMatrixTest {

    static final List<String> CALLERS = List.of("owner", "other-body", "other-unit", "deputy-other-body", "no-congress_body", "no-unit",
            "no-deputy", "anonymous");
    static final String BODY_A = "shenzhen-npc";
    static final String BODY_B = "shenzhen-cppcc";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The scope a token carries: null claims are left out. */
    record Scope(String role, String subject, String body, String unit, String deputy) {

        String token() {
            TestTokens t = TestTokens.role(role).subject(subject);
            if (body != null) {
                t.congressBody(body);
            }
            if (unit != null) {
                t.unit(unit);
            }
            if (deputy != null) {
                t.deputy(deputy);
            }
            return t.sign();
        }
    }

    /** The fixtures, made once through the API and the event consumers. */
    String unit;
    String otherUnit;
    String deputy;
    String noticeId;
    String caseId;
    final AtomicInteger counter = new AtomicInteger();

    @Test
    void everyOperationAnswersEveryCallerAsWrittenDown() throws IOException {
        Map<String, String> expected = readExpected();
        Map<String, Map<String, Object>> paths = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        TreeSet<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> List.of("get", "put", "post", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));

        // every operation has a line for every caller, and every line names an operation that exists
        List<String> missing = new ArrayList<>();
        for (String op : operations) {
            for (String caller : CALLERS) {
                if (!expected.containsKey(op + " " + caller)) {
                    missing.add(op + " " + caller);
                }
            }
        }
        List<String> stale = expected.keySet().stream()
                .filter(k -> !operations.contains(k.substring(0, k.lastIndexOf(' '))) || !CALLERS.contains(k.substring(k.lastIndexOf(' ') + 1)))
                .sorted().toList();
        assertEquals(List.of(), missing, "operations or callers without an expected answer in authorization-matrix.tsv");
        assertEquals(List.of(), stale, "lines in authorization-matrix.tsv naming an operation (or caller) that does not exist");

        createFixtures();
        List<String> wrong = new ArrayList<>();
        for (String op : operations) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            for (String caller : CALLERS) {
                String want = expected.get(op + " " + caller);
                String got = call(method, path, caller, want);
                if (!want.equals(got)) {
                    wrong.add(op + " as " + caller + ": expected " + want + ", got " + got);
                }
            }
        }
        assertEquals(List.of(), wrong, "answers that differ from authorization-matrix.tsv");
        System.out.println("[authorization] " + operations.size() + " operations x " + CALLERS.size() + " callers, all as expected");
    }

    private static Map<String, String> readExpected() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                assertEquals(4, f.length, "METHOD path-template caller expected: " + line);
                String key = f[0] + " " + f[1] + " " + f[2];
                assertTrue(expected.put(key, f[3]) == null, "written down twice: " + key);
            }
        }
        return expected;
    }

    // ---- fixtures ------------------------------------------------------------------------------------------------

    private static String system() {
        return TestTokens.role("system").sign();
    }

    private void createFixtures() {
        unit = Events.unit();
        otherUnit = Events.unit();
        deputy = Events.deputy();
        caseId = UUID.randomUUID().toString();
        given().auth().oauth2(system()).contentType(ContentType.JSON).body(staffBody("office@" + unit, unit, "unit-office"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        try (CloudEventProducer producer = Events.producer(bootstrapServers)) {
            for (String body : List.of(BODY_A, BODY_B)) {
                producer.send("suggestions", "deputy:" + deputy, Events.fresh(), "/suggestion-service", "deputy.contact-updated.v1", """
                        {"deputyId":"%s","congressBody":"%s","name":"王某某","mobile":"13800138000","email":"%s@%s.example.org","removed":false}"""
                        .formatted(deputy, body, deputy.toLowerCase(), body));
            }
            String suggestionId = Events.fresh();
            producer.send("suggestions", suggestionId, Events.fresh(), "/suggestion-service", "suggestion.assigned.v1",
                    Events.assigned(suggestionId, "20201299", deputy, unit, otherUnit));
            String owner = new Scope("deputy", "deputy-" + deputy, BODY_A, null, deputy).token();
            noticeId = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(owner).when().get("/api/v1/inbox")
                    .then().statusCode(200).extract().<String>path("items.find { it.eventType == 'suggestion.assigned.v1' }.id"), id -> id != null);
            // another topic: sent once the suggestion (and so its lead deputy) is known
            producer.send("cases", suggestionId, Events.fresh(), "/workflow-service", "case.communication-recorded.v1",
                    Events.caseEvent(caseId, suggestionId, "20201299", unit, "COMMUNICATING"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(system()).when().get("/api/v1/delivery-log?caseId=" + caseId)
                .then().statusCode(200).extract().<Integer>path("total"), total -> total != null && total > 0);
    }

    private static String staffBody(String username, String unitCode, String role) {
        return """
                {"username":"%s","name":"陈某某","unitCode":"%s","roles":["%s"],"email":"chen@example.gov.cn","mobile":"13900139000"}"""
                .formatted(username, unitCode, role);
    }

    private String ruleBody(String eventType) {
        return """
                {"eventType":"%s","audience":"UNIT_OFFICE","channels":["INBOX"],"template":"staff-chased","enabled":true,"congressBody":"%s"}"""
                .formatted(eventType, BODY_A);
    }

    private String hookBody(String name) {
        return """
                {"name":"%s","url":"%s/hooks/matrix","eventTypes":["case.matrix.v1"],"secret":"0123456789abcdef0123","enabled":false}"""
                .formatted(name, WireMockResource.server().baseUrl());
    }

    private String freshStaff() {
        return given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body(staffBody("person-" + counter.incrementAndGet() + "@" + unit, unit, "handler"))
                .when().post("/api/v1/staff-recipients").then().statusCode(201).extract().path("id");
    }

    private String freshRule() {
        return given().auth().oauth2(system()).contentType(ContentType.JSON).body(ruleBody("case.matrix-" + counter.incrementAndGet() + ".v1"))
                .when().post("/api/v1/notification-rules").then().statusCode(201).extract().path("id").toString();
    }

    private String freshHook() {
        return given().auth().oauth2(system()).contentType(ContentType.JSON).body(hookBody("hook-" + counter.incrementAndGet()))
                .when().post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
    }

    // ---- callers ---------------------------------------------------------------------------------------------------

    /** Whose scope owns each resource's fixture. */
    private Scope owner(String path) {
        if (path.startsWith("/api/v1/inbox")) {
            return new Scope("deputy", "deputy-" + deputy, BODY_A, null, deputy);
        }
        if (path.startsWith("/api/v1/staff-recipients")) {
            return new Scope("unit-office", "office@" + unit, null, unit, null);
        }
        if (path.startsWith("/api/v1/notification-rules") || path.startsWith("/api/v1/delivery-log")) {
            return new Scope("congress-office", "office-" + BODY_A, BODY_A, null, null);
        }
        if (path.startsWith("/api/v1/webhook-subscriptions")) {
            return new Scope("system", "system", null, null, null);
        }
        throw new AssertionError("no fixture for " + path + ": teach AuthorizationMatrixTest about this resource");
    }

    private String token(String path, String caller) {
        Scope o = owner(path);
        return switch (caller) {
            case "owner" -> o.token();
            case "other-body" -> new Scope(o.role(), o.subject(), BODY_B, o.unit(), o.deputy()).token();
            case "other-unit" -> new Scope(o.role(), o.subject(), o.body(), otherUnit, o.deputy()).token();
            case "deputy-other-body" -> new Scope("deputy", "deputy-" + deputy, BODY_B, null, deputy).token();
            case "no-congress_body" -> new Scope(o.role(), o.subject(), null, o.unit(), o.deputy()).token();
            case "no-unit" -> new Scope(o.role(), o.subject(), o.body(), null, o.deputy()).token();
            case "no-deputy" -> new Scope(o.role(), o.subject(), o.body(), o.unit(), null).token();
            case "anonymous" -> null;
            default -> throw new AssertionError(caller);
        };
    }

    // ---- one call --------------------------------------------------------------------------------------------------

    /** @return the status, with ":sees" or ":blind" for a 200 list when the expectation asks which */
    private String call(String method, String path, String caller, String want) {
        String token = token(path, caller);
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String fixture = null;
        String resolved = path;
        Map<String, String> query = new LinkedHashMap<>();
        if (path.startsWith("/api/v1/inbox")) {
            fixture = noticeId;
            resolved = path.replace("{id}", noticeId);
        } else if (path.startsWith("/api/v1/staff-recipients")) {
            fixture = method.equals("POST") ? null : freshStaff();
            resolved = path.replace("{id}", fixture == null ? "" : fixture);
            if (method.equals("POST")) {
                request = request.body(staffBody("new-" + counter.incrementAndGet() + "@" + unit, unit, "handler"));
            } else if (method.equals("PUT")) {
                request = request.header("If-Match", "\"0\"").body(staffBody(fixtureUsername(fixture), unit, "unit-leader"));
            } else if (method.equals("DELETE")) {
                request = request.header("If-Match", "\"0\"");
            }
        } else if (path.startsWith("/api/v1/notification-rules")) {
            fixture = method.equals("POST") ? null : freshRule();
            resolved = path.replace("{id}", fixture == null ? "" : fixture);
            if (method.equals("POST")) {
                request = request.body(ruleBody("case.matrix-" + counter.incrementAndGet() + ".v1"));
            } else if (method.equals("PUT")) {
                request = request.header("If-Match", "\"0\"").body(ruleBody("case.matrix-" + counter.incrementAndGet() + ".v1"));
            } else if (method.equals("DELETE")) {
                request = request.header("If-Match", "\"0\"");
            }
        } else if (path.startsWith("/api/v1/webhook-subscriptions")) {
            fixture = method.equals("POST") ? null : freshHook();
            resolved = path.replace("{id}", fixture == null ? "" : fixture);
            if (method.equals("POST")) {
                request = request.body(hookBody("new-" + counter.incrementAndGet()));
            } else if (method.equals("PUT")) {
                request = request.header("If-Match", "\"0\"").body(hookBody("changed-" + counter.incrementAndGet()));
            } else if (method.equals("DELETE")) {
                request = request.header("If-Match", "\"0\"");
            }
        } else if (path.startsWith("/api/v1/delivery-log")) {
            query.put("caseId", caseId);
            query.put("size", "200");
        } else {
            throw new AssertionError("no fixture for " + path);
        }
        if (path.startsWith("/api/v1/inbox") || path.startsWith("/api/v1/delivery-log")) {
            query.putIfAbsent("size", "200");
        } else if (method.equals("GET") && !path.contains("{id}")) {
            query.put("size", "200");
        }
        if (path.startsWith("/api/v1/notification-rules")) {
            query.clear();   // the rule table is not paged
        }
        Response response = request.queryParams(query).when().request(method, resolved).andReturn();
        int status = response.statusCode();
        if (status >= 500) {
            return status + " (" + response.asString() + ")";
        }
        if (status == 200 && want.contains(":") && !path.contains("{id}")) {
            String body = response.asString();
            String marker = path.startsWith("/api/v1/delivery-log") ? "\"" + caseId + "\"" : "\"" + fixture + "\"";
            return status + (body.contains(marker) ? ":sees" : ":blind");
        }
        return Integer.toString(status);
    }

    private String fixtureUsername(String staffId) {
        return given().auth().oauth2(system()).when().get("/api/v1/staff-recipients/" + staffId).then().statusCode(200).extract().path("username");
    }
}
