package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of this service's OpenAPI document, called as each kind of caller: the owner of the fixture (each
 * role of its unit, its congress body's office, its lead deputy, supervisors, the system), the same roles in another
 * unit and another congress body, a deputy with the same roster id in another body, each role with its scope claim
 * missing, and no token at all. The expected answers are written down in {@code authorization-matrix.tsv} from the
 * authorization model (root README), not from this code; an operation of the document without lines, or a line for
 * an operation that no longer exists, fails the test. Rows expected to succeed get a fresh fixture of their own, so a
 * write never changes what later rows see; the other rows share one fixture per state.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AuthorizationMatrixTest {

    static final String OTHER_BODY = "shenzhen-cppcc";
    static final String MATRIX = "/authorization-matrix.tsv";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final String unit = unitCode();
    final String otherUnit = unitCode();

    record Row(String method, String path, String caller, String expected) {
        String operation() {
            return method + " " + path;
        }
    }

    /** How to call one operation: the state its fixture needs, its body, its query. */
    record Spec(String state, Function<CaseFixtures.Fixture, Object> body, Function<CaseFixtures.Fixture, Map<String, Object>> query) {
    }

    private Map<String, Spec> specs() {
        Map<String, Spec> s = new HashMap<>();
        Function<CaseFixtures.Fixture, Map<String, Object>> noQuery = f -> Map.of();
        Function<CaseFixtures.Fixture, Object> noBody = f -> null;
        s.put("GET /api/v1/cases", new Spec("READ", noBody, f -> Map.of("suggestionId", f.suggestionId(), "size", 200)));
        for (String read : List.of("", "/history", "/history/verification", "/communications", "/drafts", "/reply-letter", "/commitments",
                "/assisting-opinions")) {
            s.put("GET /api/v1/cases/{id}" + read, new Spec("READ", noBody, noQuery));
        }
        s.put("GET /api/v1/received-suggestions/{id}", new Spec("READ", noBody, noQuery));
        s.put("GET /api/v1/supervision/cases", new Spec("READ", noBody, f -> Map.of("view", "AWAITING_EVALUATION", "unitCode", unit, "size", 200)));
        s.put("POST /api/v1/cases/{id}/distribution", new Spec("ASSIGNED", f -> DISTRIBUTION, noQuery));
        s.put("POST /api/v1/cases/{id}/communications", new Spec("DISTRIBUTED", f -> phoneCall(), noQuery));
        s.put("POST /api/v1/cases/{id}/drafts", new Spec("COMMUNICATED", f -> draft("B", "正在解决,年内上线"), noQuery));
        s.put("POST /api/v1/cases/{id}/draft-submission", new Spec("DRAFTED", f -> NONE, noQuery));
        s.put("POST /api/v1/cases/{id}/review-decisions", new Spec("UNDER_REVIEW", f -> APPROVE, noQuery));
        s.put("POST /api/v1/cases/{id}/reply", new Spec("REVIEWED", f -> Map.of("disclosure", "PUBLIC"), noQuery));
        s.put("POST /api/v1/cases/{id}/opinion", new Spec("JOINT_REVIEWED", f -> NONE, noQuery));
        s.put("POST /api/v1/cases/{id}/evaluation", new Spec("REPLIED", f -> Map.of("result", "SATISFIED"), noQuery));
        s.put("POST /api/v1/cases/{id}/conclusion", new Spec("EVALUATED", f -> NONE, noQuery));
        s.put("POST /api/v1/cases/{id}/chases", new Spec("DISTRIBUTED", f -> Map.of("comment", "请抓紧办理"), noQuery));
        s.put("POST /api/v1/cases/{id}/extension-requests", new Spec("DISTRIBUTED", f -> Map.of("requestedDueOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString(), "reason", "需等待平台升级"), noQuery));
        s.put("POST /api/v1/cases/{id}/extension-requests/{requestId}/decision", new Spec("EXTENSION_OPEN",
                f -> Map.of("decision", "APPROVE", "comment", "同意延期"), noQuery));
        s.put("POST /api/v1/cases/{id}/commitments/{commitmentId}/progress", new Spec("REPLIED",
                f -> Map.of("note", "已完成招标", "fulfilled", false), noQuery));
        s.put("POST /api/v1/cases/{id}/assisting-opinions", new Spec("DISTRIBUTED",
                f -> Map.of("department", "政务服务处", "content", "我处建议将共享目录纳入平台二期"), noQuery));
        s.put("GET /api/v1/public/replies", new Spec("READ", noBody, f -> Map.of("unit", unit, "size", 200)));
        s.put("GET /api/v1/public/replies/{id}", new Spec("READ", noBody, noQuery));
        s.put("POST /api/v1/cases/{id}/reply-letter/withdrawal", new Spec("REPLIED", f -> Map.of("reason", "答复内容涉及尚未公开的规划信息"), noQuery));
        // the fixture's case (assigned today, number "2020" + the suggestion id's first four characters) distributed as imported
        s.put("POST /api/v1/case-imports", new Spec("ASSIGNED", f -> Map.of("cases", List.of(Map.of("sourceRecord", "old:" + f.caseId(),
                "suggestionNumber", "2020" + f.suggestionId().substring(0, 4), "unitCode", unit, "steps", List.of(importedDistribution())))), noQuery));
        s.put("POST /api/v1/communications", new Spec("DISTRIBUTED", f -> {
            Map<String, Object> body = new HashMap<>(phoneCall());
            body.put("kind", "SYMPOSIUM");
            body.put("caseIds", List.of(f.caseId()));
            return body;
        }, noQuery));
        return s;
    }

    private static Map<String, Object> importedDistribution() {
        Map<String, Object> step = new HashMap<>(DISTRIBUTION);
        step.put("step", "DISTRIBUTION");
        step.put("actor", "办公室张某");
        step.put("distributedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        return step;
    }

    /** The callers, by the names the matrix uses; null: no token. */
    private Map<String, String> callers() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("anonymous", null);
        c.put("unit-office", TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign());
        c.put("unit-leader", TestTokens.role("unit-leader").unit(unit).subject(LEADER_IN_CHARGE).sign());
        c.put("handler", TestTokens.role("handler").unit(unit).subject("handler-" + unit).sign());
        c.put("congress-office", TestTokens.role("congress-office").congressBody(BODY).subject("congress-clerk").sign());
        c.put("gov-supervisor", TestTokens.role("gov-supervisor").subject("supervisor-1").sign());
        c.put("system", TestTokens.role("system").subject("notification-service").sign());
        c.put("deputy", deputy(BODY, DEPUTY));
        // the same roles and subjects in another unit or another congress body
        c.put("unit-office@other-unit", TestTokens.role("unit-office").unit(otherUnit).subject("office-" + unit).sign());
        c.put("unit-leader@other-unit", TestTokens.role("unit-leader").unit(otherUnit).subject(LEADER_IN_CHARGE).sign());
        c.put("handler@other-unit", TestTokens.role("handler").unit(otherUnit).subject("handler-" + unit).sign());
        c.put("congress-office@other-body", TestTokens.role("congress-office").congressBody(OTHER_BODY).subject("congress-clerk").sign());
        c.put("system@other-body", TestTokens.role("system").congressBody(OTHER_BODY).subject("notification-service").sign());
        c.put("deputy@other-body", deputy(OTHER_BODY, DEPUTY));
        // each role with its scope claim missing
        c.put("unit-office-without-unit", TestTokens.role("unit-office").subject("office-" + unit).sign());
        c.put("unit-leader-without-unit", TestTokens.role("unit-leader").subject(LEADER_IN_CHARGE).sign());
        c.put("handler-without-unit", TestTokens.role("handler").subject("handler-" + unit).sign());
        c.put("congress-office-without-body", TestTokens.role("congress-office").subject("congress-clerk").sign());
        c.put("deputy-without-body", TestTokens.role("deputy").deputy(DEPUTY).subject("deputy-" + DEPUTY).sign());
        c.put("deputy-without-deputy", TestTokens.role("deputy").congressBody(BODY).subject("deputy-" + DEPUTY).sign());
        // the data migrator of the fixture's body, of another body, and without its claim
        c.put("data-migrator", TestTokens.role("data-migrator").congressBody(BODY).subject("migrator-1").sign());
        c.put("data-migrator@other-body", TestTokens.role("data-migrator").congressBody(OTHER_BODY).subject("migrator-1").sign());
        c.put("data-migrator-without-body", TestTokens.role("data-migrator").subject("migrator-1").sign());
        return c;
    }

    @Test
    void everyOperationAnswersEveryCallerAsWrittenDown() throws Exception {
        // the operations of the document
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(m -> Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));

        List<Row> rows = readMatrix();
        Map<String, String> callers = callers();
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.operation()));
        Set<String> unlisted = new TreeSet<>(operations);
        unlisted.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(operations);
        assertTrue(unlisted.isEmpty(), "operations of the OpenAPI document without lines in " + MATRIX + ": " + unlisted);
        assertTrue(gone.isEmpty(), "lines in " + MATRIX + " for operations the OpenAPI document no longer has: " + gone);
        Map<String, Spec> specs = specs();
        List<String> problems = new ArrayList<>();
        for (String operation : operations) {
            Set<String> named = new TreeSet<>();
            rows.stream().filter(r -> r.operation().equals(operation)).forEach(r -> {
                if (!named.add(r.caller())) {
                    problems.add(operation + ": caller " + r.caller() + " listed twice");
                }
            });
            if (!named.equals(callers.keySet())) {
                Set<String> missing = new TreeSet<>(callers.keySet());
                missing.removeAll(named);
                Set<String> unknown = new TreeSet<>(named);
                unknown.removeAll(callers.keySet());
                problems.add(operation + ": callers without a line " + missing + ", unknown callers " + unknown);
            }
            if (!specs.containsKey(operation)) {
                problems.add(operation + ": the test does not know how to call it (add it to specs())");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // fixtures: one shared per state for the rows expected to fail, a fresh one for each row expected to succeed
        Map<String, Integer> needed = new HashMap<>();
        for (Row row : rows) {
            String state = specs.get(row.operation()).state();
            needed.putIfAbsent(state, 1);
            if (!"GET".equals(row.method()) && row.expected().startsWith("2")) {
                needed.merge(state, 1, Integer::sum);
            }
        }
        CaseFixtures fixtures = new CaseFixtures(bootstrapServers, unit, needed);

        List<String> mismatches = new ArrayList<>();
        int requests = 0;
        for (Row row : rows) {
            Spec spec = specs.get(row.operation());
            boolean fresh = !"GET".equals(row.method()) && row.expected().startsWith("2");
            CaseFixtures.Fixture f = fresh ? fixtures.fresh(spec.state()) : fixtures.shared(spec.state());
            String id = row.path().startsWith("/api/v1/received-suggestions") ? f.suggestionId()
                    // a published reply is read by its publication's id (the fixture's reply is PUBLIC)
                    : row.path().startsWith("/api/v1/public/replies/") ? read(f.caseId(), supervisor()).then().statusCode(200).extract().path("replies[0].publication.id")
                    : f.caseId();
            String path = row.path().replace("{id}", id)
                    .replace("{requestId}", String.valueOf(f.requestId())).replace("{commitmentId}", String.valueOf(f.commitmentId()));
            RequestSpecification request = given().queryParams(spec.query().apply(f));
            String token = callers.get(row.caller());
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            if (!"GET".equals(row.method())) {
                String etag = read(f.caseId(), supervisor()).then().statusCode(200).extract().header("ETag");
                request = request.header("If-Match", etag).contentType("application/json").body(spec.body().apply(f));
            }
            Response response = request.when().request(row.method(), path);
            requests++;
            String actual = Integer.toString(response.statusCode());
            if (row.expected().startsWith("200") && response.statusCode() == 200 && row.method().equals("GET")
                    && (row.path().equals("/api/v1/cases") || row.path().equals("/api/v1/supervision/cases"))) {
                List<String> ids = response.path("items.id");
                actual = ids.contains(f.caseId()) ? "200" : "200-empty";
            }
            String contentType = response.contentType();
            if (response.statusCode() >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
                mismatches.add(row.operation() + " as " + row.caller() + ": " + actual + " is not a problem+json answer (" + contentType + ")");
            }
            if (!actual.equals(row.expected())) {
                mismatches.add(row.operation() + " as " + row.caller() + ": expected " + row.expected() + ", got " + actual + " "
                        + abbreviate(response.asString()));
            }
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + requests + " answers differ from " + MATRIX);
        System.out.printf("[authorization] %d operations x %d callers, all as expected%n", operations.size(), callers.size());
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static List<Row> readMatrix() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 4) {
                    fail(MATRIX + " line " + number + " is not 'METHOD path-template caller expected-status': " + line);
                }
                rows.add(new Row(parts[0], parts[1], parts[2], parts[3]));
            }
        }
        return rows;
    }
}
