package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the service's own OpenAPI document, called by every kind of caller: the owner of the fixture (a
 * congress office of body A, the office and leaders of unit U that handles A's suggestions), the same roles in another
 * body and another unit, deputies (the same roster id in A and in B, and without each claim), each role without its scope
 * claim, supervisors, handlers, the system, the platform's administrator, and no token. The answers expected are written
 * down in {@code authorization-matrix.tsv}, from the authorization model (root README), not from the code: the status,
 * and for a 200 of a query whether it shows the fixture ({@code 200:rows}) or nothing ({@code 200:none}). An operation
 * without a line for every caller, or a line for an operation the document does not have, fails the test.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AuthorizationMatrixTest {

    static final String ROSTER_ID = "D-0117";
    static final String YEAR = "2020";
    static final String SECTION = "next-steps";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    final ObjectMapper json = new ObjectMapper();

    String bodyA;
    String bodyB;
    String unitU;
    String unitV;
    String creditCode;
    String jobId;

    /** A caller: its name in the table and the token it sends (null: none). */
    record Caller(String name, String token) {
    }

    /** One operation of the document: its method, its path template, its parameters and the media types of its 200/201/202. */
    record Operation(String method, String path, Set<String> queryParameters, Set<String> headerParameters, List<String> produces,
            boolean hasBody) {

        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheModelSays() throws IOException {
        fixture();
        List<Operation> operations = operations();
        List<Caller> callers = callers();
        Map<String, String> expected = expectations();

        // the table and the document must name the same operations, and every operation every caller
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o.key()));
        Set<String> tabled = new TreeSet<>();
        expected.keySet().forEach(k -> tabled.add(k.substring(0, k.lastIndexOf(' '))));
        List<String> problems = new ArrayList<>();
        for (String op : documented) {
            if (!tabled.contains(op)) {
                problems.add("operation without any line in authorization-matrix.tsv: " + op);
            }
            for (Caller caller : callers) {
                if (tabled.contains(op) && !expected.containsKey(op + " " + caller.name())) {
                    problems.add("no line for " + op + " called by " + caller.name());
                }
            }
        }
        for (String op : tabled) {
            if (!documented.contains(op)) {
                problems.add("line for an operation the OpenAPI document does not have: " + op);
            }
        }
        Set<String> callerNames = new LinkedHashSet<>();
        callers.forEach(c -> callerNames.add(c.name()));
        for (String key : expected.keySet()) {
            String caller = key.substring(key.lastIndexOf(' ') + 1);
            if (!callerNames.contains(caller)) {
                problems.add("line for an unknown caller: " + key);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            for (Caller caller : callers) {
                String want = expected.get(operation.key() + " " + caller.name());
                for (String mediaType : operation.produces()) {
                    String got = call(operation, caller, mediaType);
                    calls++;
                    if (!want.equals(got)) {
                        wrong.add(operation.key() + " as " + caller.name() + " (Accept " + mediaType + "): expected " + want + ", got " + got);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + calls + " answers not as expected:\n" + String.join("\n", wrong));
        System.out.println("[authorization] " + operations.size() + " operations x " + callers.size() + " callers, all as expected ("
                + calls + " requests)");
    }

    /**
     * Body A's suggestions handled by unit U (a replied SOLE case, an overdue JOINT one) with U's draft and one edited
     * section; unit V and body B exist with nothing of A's. The lead deputy of A's suggestions is roster id D-0117, which
     * body B's roster uses too. One finished rebuild job for the job's GET.
     */
    void fixture() {
        bodyA = Scenario.code("npca");
        bodyB = Scenario.code("npcb");
        unitU = Scenario.code("mu");
        unitV = Scenario.code("mv");
        creditCode = AnnualSummaryDraftResourceTest.creditCode();
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario a = new Scenario(feed, bodyA);
            Scenario.Suggestion replied = a.suggestion(2020, "甲的已答复建议", List.of("数据"));
            CaseRef c = a.open(replied, unitU, "甲局", "SOLE", LocalDate.parse("2020-08-20"));
            a.reply(c, "A", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-20"), List.of("建成平台。"));
            Scenario.Suggestion late = a.suggestion(2020, "甲的逾期建议", List.of("数据"));
            a.open(late, unitU, "甲局", "JOINT", LocalDate.parse("2020-06-20"));
            Scenario b = new Scenario(feed, bodyB);
            Scenario.Suggestion other = b.suggestion(2020, "乙的建议", List.of("交通"));
            b.open(other, unitV, "乙局", "SOLE", LocalDate.parse("2020-08-20"));
            a.awaitRead(inbox);
            b.awaitRead(inbox);
        }
        String owner = unitOffice(unitU);
        String etag = given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("creditCode", creditCode, "organisationName", "深圳市甲局")).when().put(summary())
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(owner).contentType("application/json").header("If-Match", etag).body(Map.of("text", "下一步工作。"))
                .when().put(summary() + "/sections/" + SECTION).then().statusCode(200);
        jobId = rebuildAndWait();
    }

    List<Caller> callers() {
        return List.of(
                new Caller("anonymous", null),
                new Caller("office-A", TestTokens.role("congress-office").congressBody(bodyA).sign()),
                new Caller("office-B", TestTokens.role("congress-office").congressBody(bodyB).sign()),
                new Caller("office-no-body", TestTokens.role("congress-office").sign()),
                new Caller("unit-office-U", unitOffice(unitU)),
                new Caller("unit-office-V", unitOffice(unitV)),
                new Caller("unit-office-no-unit", TestTokens.role("unit-office").sign()),
                new Caller("unit-leader-U", TestTokens.role("unit-leader").unit(unitU).sign()),
                new Caller("unit-leader-V", TestTokens.role("unit-leader").unit(unitV).sign()),
                new Caller("unit-leader-no-unit", TestTokens.role("unit-leader").sign()),
                new Caller("handler-U", TestTokens.role("handler").unit(unitU).sign()),
                new Caller("supervisor", TestTokens.role("gov-supervisor").sign()),
                new Caller("deputy-A", TestTokens.role("deputy").congressBody(bodyA).deputy(ROSTER_ID).sign()),
                new Caller("deputy-B-same-id", TestTokens.role("deputy").congressBody(bodyB).deputy(ROSTER_ID).sign()),
                new Caller("deputy-no-body", TestTokens.role("deputy").deputy(ROSTER_ID).sign()),
                new Caller("deputy-no-id", TestTokens.role("deputy").congressBody(bodyA).sign()),
                new Caller("system", TestTokens.role("system").sign()),
                new Caller("platform-admin", TestTokens.role("platform-admin").sign()));
    }

    /** Calls the operation on the fixture; the answer as the table writes it. */
    String call(Operation operation, Caller caller, String mediaType) {
        RequestSpecification request = given().accept(mediaType);
        if (caller.token() != null) {
            request.auth().oauth2(caller.token());
        }
        String path = operation.path().replace("{unit}", unitU).replace("{year}", YEAR).replace("{section}", SECTION).replace("{id}", jobId);
        if (operation.path().endsWith("/publication/withdrawal") || operation.path().startsWith("/api/v1/public/")) {
            publish(); // every caller meets a published summary (the owner's withdrawal takes it off)
        }
        if (operation.queryParameters().contains("unit")) {
            request.queryParam("unit", unitU); // the fixture's unit: the owner sees it, nobody else should
        }
        if (operation.headerParameters().contains("If-Match")) {
            request.header("If-Match", currentTag()); // a fresh version for every row: the owner's earlier writes break nothing
        }
        if (operation.hasBody()) {
            request.contentType("application/json").body(operation.path().endsWith("{section}")
                    ? Map.of("text", "由 " + caller.name() + " 修改。")
                    : operation.path().endsWith("/withdrawal") ? Map.of("reason", "由 " + caller.name() + " 撤回。")
                    : Map.of("creditCode", creditCode, "organisationName", "深圳市甲局"));
        }
        Response response = request.when().request(operation.method().toUpperCase(), path).then().extract().response();
        int status = response.statusCode();
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                return status + " (not a problem: " + type + ")";
            }
            return Integer.toString(status);
        }
        if (status == 202 && operation.path().equals("/api/v1/read-model/rebuilds")) {
            awaitJob(response.path("id")); // the next rebuild must not meet this one running
        }
        if (status == 200 && "get".equals(operation.method()) && !operation.path().contains("{")) {
            return "200:" + (shown(response, mediaType) > 0 ? "rows" : "none");
        }
        if (status == 200 && operation.path().endsWith("/revisions")) {
            return "200:" + (response.jsonPath().getList("$").isEmpty() ? "none" : "rows");
        }
        return Integer.toString(status);
    }

    /** How many of the fixture's rows a query's answer shows. */
    long shown(Response response, String mediaType) {
        if (mediaType.contains("spreadsheetml")) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
                return book.getSheetAt(0).getPhysicalNumberOfRows() - 1L; // the heading row
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode body;
        try {
            body = json.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (body.path("total").isObject()) {
            return body.path("total").path("counts").path("cases").asLong(); // statistics
        }
        long count = 0;
        for (JsonNode item : body.path("items")) {
            if (!item.has("unitCode") || unitU.equals(item.path("unitCode").asText())) {
                count++; // scorecards list every unit in scope: only the fixture's counts
            }
        }
        return count;
    }

    /** Publishes the fixture's summary as U's own office. */
    void publish() {
        given().auth().oauth2(unitOffice(unitU)).when().post(summary() + "/publication").then().statusCode(200);
    }

    String currentTag() {
        return given().auth().oauth2(unitOffice(unitU)).accept("application/json").when().get(summary()).then().statusCode(200)
                .extract().header("ETag");
    }

    String rebuildAndWait() {
        String id = given().auth().oauth2(TestTokens.role("system").sign()).when().post("/api/v1/read-model/rebuilds")
                .then().statusCode(202).extract().path("id");
        awaitJob(id);
        return id;
    }

    static void awaitJob(String id) {
        String system = TestTokens.role("system").sign();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String state = given().auth().oauth2(system).when().get("/api/v1/read-model/rebuilds/" + id).then().statusCode(200)
                    .extract().path("state");
            return "SUCCEEDED".equals(state) || "FAILED".equals(state);
        });
    }

    /** The operations of the service's own document. */
    List<Operation> operations() throws IOException {
        JsonNode document = json.readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asByteArray());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Set<String> query = new TreeSet<>();
                Set<String> headers = new TreeSet<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    switch (parameter.path("in").asText()) {
                        case "query" -> query.add(parameter.path("name").asText());
                        case "header" -> headers.add(parameter.path("name").asText());
                        default -> {
                            // path parameters are filled from the fixture
                        }
                    }
                }
                List<String> produces = new ArrayList<>();
                for (String success : List.of("200", "201", "202")) {
                    op.getValue().path("responses").path(success).path("content").fieldNames().forEachRemaining(t -> {
                        if (!produces.contains(t)) {
                            produces.add(t);
                        }
                    });
                }
                if (produces.isEmpty()) {
                    produces.add("application/json");
                }
                operations.add(new Operation(op.getKey(), path.getKey(), query, headers, produces, op.getValue().has("requestBody")));
            }
        }
        assertTrue(operations.size() >= 11, "the document lists the service's operations: " + operations);
        return operations;
    }

    /** {@code METHOD path-template caller expected}, tab-separated; # starts a comment. */
    static Map<String, String> expectations() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.tsv")) {
            assertTrue(in != null, "authorization-matrix.tsv is missing");
            int line = 0;
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line++;
                String text = row.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\t");
                assertEquals(4, cells.length, "line " + line + ": METHOD<TAB>path<TAB>caller<TAB>expected: " + row);
                String key = cells[0] + " " + cells[1] + " " + cells[2];
                assertTrue(expected.put(key, cells[3]) == null, "line " + line + " repeats " + key);
            }
        }
        return expected;
    }

    String summary() {
        return "/api/v1/annual-summaries/" + unitU + "/" + YEAR;
    }

    static String unitOffice(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }
}
