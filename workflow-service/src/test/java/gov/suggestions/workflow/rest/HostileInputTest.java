package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input as the caller who may do each operation: every write operation with broken bodies (not JSON, wrong
 * JSON types for each field, empty, huge, dates beyond any calendar, injection text, unknown fields), every query
 * parameter with values of the wrong type or size, every path id malformed. No answer may be a 5xx, and every error is
 * {@code application/problem+json}. (NUL and other control characters are the suite-wide input filter's, tested there.)
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HostileInputTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final String unit = unitCode();

    record Write(String path, String state, String token, Function<CaseFixtures.Fixture, Map<String, Object>> body) {
    }

    static final List<Object> FIELD_VALUES = java.util.Arrays.asList(null, 1, -1, 1.5, true, "", " ", "x".repeat(3000), List.of(), Map.of(),
            List.of("a", "b"), "9999-99-99", "+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59+18:00",
            "0000-01-01T00:00:00Z", "' OR 1=1 --", "<script>alert(1)</script>", "😀".repeat(60), "APPROVE", 12345678901234567L,
            "00000000-0000-0000-0000-000000000000");

    static final List<String> RAW_BODIES = List.of("", "null", "[]", "{", "{}", "\"text\"", "1", "{\"unknownField\":1}", "{\"a\":", "[{}]",
            "{\"comment\":\"x\"} trailing");

    static final List<String> QUERY_VALUES = List.of("", "-1", "0", "99999999999999999999", "1.5", "abc", "x".repeat(3000), "' OR 1=1 --",
            "DRAFTING,REPLIED", "%25", "null", "true", "00000000-0000-0000-0000-000000000000");

    private List<Write> writes() {
        String office = office(unit);
        String handler = handler(unit);
        String leader = leader(unit);
        String congress = TestTokens.role("congress-office").congressBody(BODY).subject("congress-clerk").sign();
        String deputy = deputy(DEPUTY);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        List<Write> w = new ArrayList<>();
        w.add(new Write("/api/v1/cases/{id}/distribution", "ASSIGNED", office, f -> {
            Map<String, Object> body = new HashMap<>(DISTRIBUTION);
            body.put("distributedOn", today);
            return body;
        }));
        w.add(new Write("/api/v1/cases/{id}/communications", "DISTRIBUTED", handler, f -> phoneCall()));
        w.add(new Write("/api/v1/cases/{id}/drafts", "COMMUNICATED", handler, f -> draft("B", "正在解决")));
        w.add(new Write("/api/v1/cases/{id}/draft-submission", "DRAFTED", handler, f -> Map.of("comment", "请审核")));
        w.add(new Write("/api/v1/cases/{id}/review-decisions", "UNDER_REVIEW", leader, f -> APPROVE));
        w.add(new Write("/api/v1/cases/{id}/reply", "REVIEWED", office, f -> Map.of("disclosure", "PUBLIC", "issuedOn", today, "comment", "出具")));
        w.add(new Write("/api/v1/cases/{id}/opinion", "JOINT_REVIEWED", office, f -> Map.of("sentOn", today, "comment", "发送")));
        w.add(new Write("/api/v1/cases/{id}/evaluation", "REPLIED", deputy, f -> Map.of("result", "SATISFIED", "comments", "好",
                "communicationRating", "SATISFIED", "resultRating", "SATISFIED", "evaluatedOn", today)));
        w.add(new Write("/api/v1/cases/{id}/conclusion", "EVALUATED", office, f -> Map.of("concludedOn", today, "comment", "办结")));
        w.add(new Write("/api/v1/cases/{id}/reply-letter/withdrawal", "REPLIED", congress, f -> Map.of("reason", "涉及未公开信息")));
        w.add(new Write("/api/v1/cases/{id}/chases", "DISTRIBUTED", congress, f -> Map.of("comment", "请抓紧")));
        w.add(new Write("/api/v1/cases/{id}/extension-requests", "DISTRIBUTED", office, f -> Map.of("requestedDueOn", "2099-12-31", "reason", "原因")));
        w.add(new Write("/api/v1/cases/{id}/extension-requests/{requestId}/decision", "EXTENSION_OPEN", congress,
                f -> Map.of("decision", "REJECT", "comment", "不同意")));
        w.add(new Write("/api/v1/cases/{id}/commitments/{commitmentId}/progress", "REPLIED", handler, f -> Map.of("note", "进展", "fulfilled", false)));
        w.add(new Write("/api/v1/cases/{id}/assisting-opinions", "DISTRIBUTED", handler, f -> Map.of("department", "政务服务处", "content", "意见")));
        w.add(new Write("/api/v1/communications", "DISTRIBUTED", handler, f -> {
            Map<String, Object> body = new HashMap<>(phoneCall());
            body.put("caseIds", List.of(f.caseId()));
            return body;
        }));
        return w;
    }

    /** Operations a case takes again after a success (the others need a fresh case in the same state). */
    static final java.util.Set<String> REPEATABLE = java.util.Set.of("/api/v1/cases/{id}/communications", "/api/v1/cases/{id}/drafts",
            "/api/v1/cases/{id}/chases", "/api/v1/communications");

    int requests;
    int succeeded;
    final List<String> failures = new ArrayList<>();

    /** Whether the answer was a success (the fixture then moved on and a fresh one takes its place). */
    private boolean check(String what, Response response) {
        requests++;
        int status = response.statusCode();
        if (status < 300) {
            succeeded++;
        }
        if (status >= 500) {
            failures.add(what + " → " + status + " " + abbreviate(response.asString()));
        } else if (status >= 400 && (response.contentType() == null || !response.contentType().startsWith("application/problem+json"))) {
            failures.add(what + " → " + status + " not problem+json: " + response.contentType());
        }
        return status < 300;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String path(String template, CaseFixtures.Fixture f) {
        return template.replace("{id}", f.caseId()).replace("{requestId}", String.valueOf(f.requestId()))
                .replace("{commitmentId}", String.valueOf(f.commitmentId()));
    }

    private RequestSpecification post(String token, CaseFixtures.Fixture f) {
        String etag = read(f.caseId(), supervisor()).then().extract().header("ETag");
        return given().auth().oauth2(token).header("If-Match", etag == null ? "0" : etag).contentType("application/json");
    }

    @Test
    void noHostileRequestGetsA5xxAndEveryErrorIsAProblem() {
        List<Write> writes = writes();
        Map<String, Integer> needed = new HashMap<>();
        writes.forEach(w -> needed.put(w.state(), 1));
        needed.put("READ", 1);
        CaseFixtures fixtures = new CaseFixtures(bootstrapServers, unit, needed);
        int fieldsTried = 0;

        for (Write w : writes) {
            CaseFixtures.Fixture f = fixtures.shared(w.state());
            String target = path(w.path(), f);
            final CaseFixtures.Fixture first = f;
            for (String raw : RAW_BODIES) {
                check("POST " + w.path() + " body " + abbreviate(raw), post(w.token(), f).body(raw).when().post(target));
            }
            Map<String, Object> valid = w.body().apply(first);
            for (String field : valid.keySet()) {
                fieldsTried++;
                for (Object value : FIELD_VALUES) {
                    Map<String, Object> body = new LinkedHashMap<>(w.body().apply(f));
                    body.put(field, value);
                    if (check("POST " + w.path() + " " + field + "=" + abbreviate(String.valueOf(value)), post(w.token(), f).body(body).when().post(target))
                            && !REPEATABLE.contains(w.path())) {
                        // accepted: the next value gets a case in the same state again
                        f = fixtures.replaceShared(w.state());
                        target = path(w.path(), f);
                    }
                }
            }
            if (valid.containsKey("participants")) {
                for (Object participants : List.of(List.of(Map.of()), java.util.Collections.singletonList(null),
                        List.of(Map.of("name", "张某", "leader", "yes")), List.of(Map.of("name", 5)), java.util.Collections.nCopies(51, Map.of("name", "张某")))) {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put("participants", participants);
                    check("POST " + w.path() + " participants " + abbreviate(participants.toString()), post(w.token(), f).body(body).when().post(target));
                }
            }
            if (valid.containsKey("commitments")) {
                for (Object commitments : List.of(List.of(Map.of()), List.of(Map.of("measure", "m", "owner", "o", "targetDate", "+999999999-12-31")),
                        java.util.Collections.nCopies(51, Map.of("measure", "m", "owner", "o", "targetDate", "2020-12-31")))) {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put("commitments", commitments);
                    check("POST " + w.path() + " commitments " + abbreviate(commitments.toString()), post(w.token(), f).body(body).when().post(target));
                }
            }
            // malformed ids in the path, and a key outside the bounds
            for (String bad : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "x".repeat(300))) {
                check("POST " + w.path() + " id " + bad, post(w.token(), f).body(valid).when().post(w.path().replace("{id}", bad)
                        .replace("{requestId}", bad).replace("{commitmentId}", bad)));
            }
            check("POST " + w.path() + " Idempotency-Key", post(w.token(), f).header("Idempotency-Key", "x".repeat(200)).body(valid).when().post(target));
            check("POST " + w.path() + " If-Match", post(w.token(), f).header("If-Match", "\"" + "9".repeat(40) + "\"").body(valid).when().post(target));
        }

        // every query parameter
        CaseFixtures.Fixture read = fixtures.shared("READ");
        Map<String, List<String>> queries = Map.of(
                "/api/v1/cases", List.of("state", "suggestionId", "unitCode", "page", "size"),
                "/api/v1/supervision/cases", List.of("view", "unitCode", "leaderInCharge", "leaderInChargeId", "page", "size"),
                "/api/v1/cases/" + read.caseId() + "/history", List.of("fromSeq"),
                "/api/v1/public/replies", List.of("unit", "year", "page", "size"));
        int parameters = 0;
        for (Map.Entry<String, List<String>> q : queries.entrySet()) {
            for (String parameter : q.getValue()) {
                parameters++;
                for (String value : QUERY_VALUES) {
                    for (String token : List.of(office(unit), supervisor())) {
                        RequestSpecification request = given().auth().oauth2(token).queryParam(parameter, value);
                        if (q.getKey().endsWith("supervision/cases") && !"view".equals(parameter)) {
                            request = request.queryParam("view", "OVERDUE");
                        }
                        check("GET " + q.getKey() + "?" + parameter + "=" + abbreviate(value), request.when().get(q.getKey()));
                    }
                }
            }
        }
        // malformed ids on every read
        for (String template : List.of("/api/v1/cases/{id}", "/api/v1/cases/{id}/history", "/api/v1/cases/{id}/history/verification",
                "/api/v1/cases/{id}/communications", "/api/v1/cases/{id}/drafts", "/api/v1/cases/{id}/reply-letter", "/api/v1/cases/{id}/commitments",
                "/api/v1/cases/{id}/assisting-opinions", "/api/v1/received-suggestions/{id}", "/api/v1/public/replies/{id}")) {
            for (String bad : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "x".repeat(300), read.caseId() + "x")) {
                check("GET " + template + " id " + bad, given().auth().oauth2(supervisor()).when().get(template.replace("{id}", bad)));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + requests + " hostile requests answered badly");
        System.out.printf("[hostile] %d requests over %d write operations (%d body fields) and %d query parameters: 0 answers 5xx,"
                + " every error application/problem+json (%d accepted)%n", requests, writes.size(), fieldsTried, parameters, succeeded);
    }
}
