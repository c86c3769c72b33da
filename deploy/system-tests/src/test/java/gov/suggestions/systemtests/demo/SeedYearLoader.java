package gov.suggestions.systemtests.demo;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Loads the seed's year (deploy/local/demo/seed-year-2020.json) into a running suite through its public HTTP
 * APIs only, as the congress office, the units' staff and the deputies would: reference data, registration,
 * assignment (交办), then every case of the seed's unit from distribution to the reply and the deputy's
 * evaluation, the joint units' opinions, the other units' own replies, and the conclusion (办结) of every case
 * whose handling is over (the one reply the seed's deputy has not evaluated stays open).
 *
 * <p>Safe to run again: registrations carry an Idempotency-Key and every case is advanced from the state it is
 * in, so a second run (or a run after an interruption) finishes the work without doing anything twice. A suite that
 * already holds one of the seed's suggestion numbers with other content (registered by hand, say) is refused before
 * anything is changed: the loader says which number, and how to start from empty databases.
 * Tokens are signed with the local key pair that the local and test profiles trust.
 * <p>
 * Over 400 lines on purpose: the seed year's steps through the public APIs, in the order they are read.
 */
public final class SeedYearLoader {

    private static final Duration CASE_WAIT = Duration.ofSeconds(60);
    /** How the other units (not the seed's: the file has no details of theirs) handle their own cases. */
    private static final Map<String, Object> OTHER_UNITS_HANDLING = Map.of("category", "A", "communication", "PHONE",
            "measures", List.of(), "evaluation", "SATISFIED");

    private final JsonPath data;
    private final String suggestionApi;
    private final String workflowApi;
    private final String reportingApi;
    private String notificationApi;
    private final String congressBody;
    private final String office;
    private final String system = TestTokens.role("system").subject("seed-loader").sign();
    private final Map<String, String> unitNames = new LinkedHashMap<>();

    /** reportingApi may be null: then no annual-summary draft is made. */
    public SeedYearLoader(Path dataFile, String suggestionApi, String workflowApi, String reportingApi) throws IOException {
        this.data = new JsonPath(Files.readString(dataFile));
        this.suggestionApi = suggestionApi;
        this.workflowApi = workflowApi;
        this.reportingApi = reportingApi;
        this.congressBody = data.getString("congressBody.code");
        this.office = TestTokens.role("congress-office").congressBody(congressBody).subject("office-" + congressBody).sign();
    }

    /** The seed unit's staff (data file: {@code staff}) are registered as notice recipients there before anything is assigned. */
    public SeedYearLoader withNotifications(String notificationApi) {
        this.notificationApi = notificationApi;
        return this;
    }

    /** Usage: SeedYearLoader <data file> <suggestion-service URL> <workflow-service URL> [<reporting-service URL> [<notification-service URL>]] */
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: SeedYearLoader <seed-year.json> <suggestion-service URL> <workflow-service URL> [<reporting-service URL> [<notification-service URL>]]");
            System.exit(2);
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Instant start = Instant.now();
        Loaded loaded;
        try {
            loaded = new SeedYearLoader(Path.of(args[0]), args[1], args[2], args.length >= 4 ? args[3] : null)
                    .withNotifications(args.length == 5 ? args[4] : null).load();
        } catch (SeedConflict conflict) {
            System.err.println(conflict.getMessage());
            System.exit(3);
            return;
        }
        System.out.printf("loaded the seed's year: %d suggestions, %d cases of %s advanced, in %d s%n",
                loaded.suggestions(), loaded.casesAdvanced(), loaded.unit(), Duration.between(start, Instant.now()).toSeconds());
    }

    public record Loaded(String unit, int year, int suggestions, int casesAdvanced) {
    }

    /** The suite holds a suggestion number of the seed with other content; nothing has been changed. */
    public static final class SeedConflict extends RuntimeException {
        SeedConflict(String message) {
            super(message);
        }
    }

    public Loaded load() {
        List<Map<String, Object>> suggestions = data.getList("suggestions");
        refuseConflicts(suggestions);
        referenceData();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> s : suggestions) {
            String id = register(s);
            assign(id, s);
            ids.put((String) s.get("number"), id);
        }
        String unit = data.getString("unit");
        int advanced = 0;
        // joint units first: a LEAD case submits its reply for review only once every joint opinion is in
        for (Map<String, Object> s : suggestions) {
            if (s.get("handling") == null) {
                advanceJointCase(caseOf(ids.get(s.get("number")), unit), unit);
                advanced++;
            } else {
                for (Map<String, Object> other : units(s)) {
                    if ("JOINT".equals(other.get("role"))) {
                        advanceJointCase(caseOf(ids.get(s.get("number")), (String) other.get("unitCode")), (String) other.get("unitCode"));
                    }
                }
            }
        }
        symposium(suggestions, ids, unit);
        for (Map<String, Object> s : suggestions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> handling = (Map<String, Object>) s.get("handling");
            if (handling != null) {
                advanceReplyCase(caseOf(ids.get(s.get("number")), unit), unit, s, handling);
                advanced++;
            }
        }
        // the other units: the joint opinions their LEAD cases wait for, then their own replies
        for (Map<String, Object> s : suggestions) {
            for (Map<String, Object> other : units(s)) {
                String code = (String) other.get("unitCode");
                if (!unit.equals(code) && "JOINT".equals(other.get("role"))) {
                    advanceJointCase(caseOf(ids.get(s.get("number")), code), code);
                }
            }
        }
        for (Map<String, Object> s : suggestions) {
            for (Map<String, Object> other : units(s)) {
                String code = (String) other.get("unitCode");
                if (!unit.equals(code) && !"JOINT".equals(other.get("role"))) {
                    advanceReplyCase(caseOf(ids.get(s.get("number")), code), code, s, OTHER_UNITS_HANDLING);
                }
            }
        }
        for (Map<String, Object> s : suggestions) {
            for (Map<String, Object> assigned : units(s)) {
                conclude(caseOf(ids.get(s.get("number")), (String) assigned.get("unitCode")), (String) assigned.get("unitCode"));
            }
        }
        if (reportingApi != null) {
            summaryDraft(unit);
        }
        return new Loaded(unit, data.getInt("year"), suggestions.size(), advanced);
    }

    /** The unit office's draft of its annual summary, with the disclosure header from the unit's credit code. */
    private void summaryDraft(String unit) {
        String path = "/api/v1/annual-summaries/" + unit + "/" + data.getInt("year");
        String token = office(unit);
        List<Map<String, Object>> units = data.getList("units");
        Map<String, Object> self = units.stream().filter(u -> unit.equals(u.get("code"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unit " + unit + " is not in the data file"));
        Instant until = Instant.now().plus(CASE_WAIT);
        while (true) {
            int existing = given().baseUri(reportingApi).auth().oauth2(token).accept(ContentType.JSON).when().get(path).statusCode();
            if (existing == 200) {
                return; // made by an earlier run
            }
            // 404 until reporting-service has read the unit's cases of that year
            int created = given().baseUri(reportingApi).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("creditCode", self.get("unifiedSocialCreditCode"), "organisationName", self.get("name")))
                    .when().put(path).statusCode();
            if (created == 201) {
                return;
            }
            if (created != 404 || Instant.now().isAfter(until)) {
                throw new IllegalStateException("the annual summary draft of " + unit + " answered " + created);
            }
            sleep(500);
        }
    }

    private void referenceData() {
        given().baseUri(suggestionApi).auth().oauth2(system).contentType(ContentType.JSON)
                .body(List.of(data.getMap("congressBody")))
                .when().post("/api/v1/congress-bodies/bulk").then().statusCode(200);
        List<Map<String, Object>> units = data.getList("units");
        units.forEach(u -> unitNames.put((String) u.get("code"), (String) u.get("name")));
        given().baseUri(suggestionApi).auth().oauth2(system).contentType(ContentType.JSON).body(units)
                .when().post("/api/v1/units/bulk").then().statusCode(200);
        given().baseUri(suggestionApi).auth().oauth2(system).contentType(ContentType.JSON).body(data.getList("deputies"))
                .when().post("/api/v1/deputies/bulk").then().statusCode(200);
        if (notificationApi != null) {
            List<Map<String, Object>> staff = data.getList("staff");
            for (Map<String, Object> member : staff) {
                // 409: registered by an earlier run
                given().baseUri(notificationApi).auth().oauth2(office((String) member.get("unitCode"))).contentType(ContentType.JSON)
                        .body(member).when().post("/api/v1/staff-recipients").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
            }
        }
    }

    /**
     * Registering would answer 409 for a seed number the suite holds with other content, after earlier suggestions were
     * registered and assigned; so every number is looked up first (a run of this loader left the same title).
     */
    private void refuseConflicts(List<Map<String, Object>> suggestions) {
        Map<String, String> seedTitles = new LinkedHashMap<>();
        suggestions.forEach(s -> seedTitles.put((String) s.get("number"), (String) s.get("title")));
        List<String> conflicts = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath found = given().baseUri(suggestionApi).auth().oauth2(office)
                    .queryParam("congressBody", congressBody).queryParam("size", 200).queryParam("page", page)
                    .when().get("/api/v1/suggestions").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            for (Map<String, Object> item : items) {
                String seedTitle = seedTitles.get(item.get("number"));
                if (seedTitle != null && !seedTitle.equals(item.get("title"))) {
                    conflicts.add(item.get("number") + " (\"" + item.get("title") + "\")");
                }
            }
            if (items.isEmpty() || (long) (page + 1) * 200 >= found.getLong("total")) {
                break;
            }
        }
        if (!conflicts.isEmpty()) {
            throw new SeedConflict("load-demo: nothing loaded: " + congressBody + " already holds suggestion number" + (conflicts.size() > 1 ? "s " : " ")
                    + String.join(", ", conflicts) + " with other content than the demo's; load the demo into empty databases: "
                    + "deploy/local/up.sh --fresh --demo (drops the local suite's data)");
        }
    }

    private String register(Map<String, Object> s) {
        Map<String, Object> deputy = deputy((String) s.get("leadDeputy"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("congressBody", congressBody);
        body.put("number", s.get("number"));
        body.put("kind", "SUGGESTION");
        body.put("title", s.get("title"));
        body.put("body", s.get("body"));
        body.put("leadDeputy", Map.of("id", deputy.get("id"), "name", deputy.get("name"), "delegation", deputy.get("delegation")));
        Map<String, Object> session = data.getMap("congressBody.sessions[0]");
        body.put("term", session.get("term"));
        body.put("session", session.get("session"));
        body.put("year", data.getInt("year"));
        body.put("submittedOn", s.get("submittedOn"));
        body.put("topics", s.get("topics"));
        return given().baseUri(suggestionApi).auth().oauth2(office).contentType(ContentType.JSON)
                .header("Idempotency-Key", "seed-" + congressBody + "-" + s.get("number")).body(body)
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
    }

    private void assign(String id, Map<String, Object> s) {
        Response current = given().baseUri(suggestionApi).auth().oauth2(office).when().get("/api/v1/suggestions/" + id);
        current.then().statusCode(200);
        if (!"REGISTERED".equals(current.path("state"))) {
            return; // assigned by an earlier run
        }
        given().baseUri(suggestionApi).auth().oauth2(office).contentType(ContentType.JSON).header("If-Match", current.header("ETag"))
                .body(Map.of("units", units(s)))
                .when().post("/api/v1/suggestions/" + id + "/assignment").then().statusCode(200);
    }

    /** JOINT: distribute, draft the opinion, the shorter review chain, send it to the lead unit. */
    private void advanceJointCase(String caseId, String unit) {
        for (int step = 0; step < 20; step++) {
            JsonPath c = read(caseId, office(unit));
            switch (c.getString("state")) {
                case "ASSIGNED" -> act(caseId, office(unit), "distribution", distribution(false), 200);
                case "DISTRIBUTED" -> act(caseId, handler(unit), "drafts", Map.of("content",
                        unitNames.get(unit) + "就该建议提出会办意见:赞同建议的方向,将在职责范围内配合主办单位落实。"), 201);
                case "DRAFTING" -> act(caseId, handler(unit), "draft-submission", Map.of(), 200);
                case "UNDER_REVIEW" -> {
                    if (c.getBoolean("review.complete")) {
                        act(caseId, office(unit), "opinion", Map.of(), 200);
                    } else {
                        review(caseId, unit, c);
                    }
                }
                default -> {
                    return; // OPINION_SENT or later
                }
            }
        }
        throw new IllegalStateException("joint case " + caseId + " did not reach OPINION_SENT");
    }

    /** One symposium (座谈会) with the deputies of every suggestion whose handling names one: recorded once for all their cases. */
    private void symposium(List<Map<String, Object>> suggestions, Map<String, String> ids, String unit) {
        List<String> waiting = new ArrayList<>();
        for (Map<String, Object> s : suggestions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> handling = (Map<String, Object>) s.get("handling");
            if (handling == null || !"SYMPOSIUM".equals(handling.get("communication"))) {
                continue;
            }
            String caseId = caseOf(ids.get(s.get("number")), unit);
            if ("ASSIGNED".equals(read(caseId, office(unit)).getString("state"))) {
                act(caseId, office(unit), "distribution", distribution(true), 200);
            }
            if ("DISTRIBUTED".equals(read(caseId, office(unit)).getString("state"))) {
                waiting.add(caseId);
            }
        }
        if (waiting.isEmpty()) {
            return; // held in an earlier run
        }
        Map<String, Object> body = new LinkedHashMap<>(communication(Map.of("communication", "SYMPOSIUM")));
        body.put("caseIds", waiting);
        body.put("summary", "召开建议办理工作座谈会,邀请代表走进市行政服务大厅,逐件沟通办理思路和初步答复意见。");
        given().baseUri(workflowApi).auth().oauth2(handler(unit)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "seed-symposium-" + unit + "-" + data.getInt("year")).body(body)
                .when().post("/api/v1/communications").then().statusCode(201);
    }

    /** SOLE, LEAD, SEPARATE: distribute, communicate first, draft with the measures, review, reply, evaluation. */
    private void advanceReplyCase(String caseId, String unit, Map<String, Object> s, Map<String, Object> handling) {
        for (int step = 0; step < 25; step++) {
            JsonPath c = read(caseId, office(unit));
            switch (c.getString("state")) {
                case "ASSIGNED" -> act(caseId, office(unit), "distribution", distribution(true), 200);
                case "DISTRIBUTED" -> act(caseId, handler(unit), "communications", communication(handling), 200);
                case "COMMUNICATING" -> act(caseId, handler(unit), "drafts", draft(s, handling), 201);
                case "DRAFTING" -> {
                    if (c.getLong("communicationsThisRound") == 0) {
                        act(caseId, handler(unit), "communications", communication(handling), 200);
                    } else {
                        act(caseId, handler(unit), "draft-submission", Map.of(), 200);
                    }
                }
                case "UNDER_REVIEW" -> {
                    if (c.getBoolean("review.complete")) {
                        act(caseId, office(unit), "reply", Map.of("disclosure", "PUBLIC"), 200);
                    } else {
                        review(caseId, unit, c);
                    }
                }
                case "REPLIED" -> {
                    Object evaluation = handling.get("evaluation");
                    if (evaluation == null) {
                        return; // the deputy has not evaluated yet (尚未评价)
                    }
                    String deputy = c.getString("leadDeputy.id");
                    act(caseId, TestTokens.role("deputy").congressBody(congressBody).deputy(deputy).subject("deputy-" + deputy).sign(), "evaluation",
                            Map.of("result", evaluation, "comments", "答复认真,措施具体"), 200);
                }
                default -> {
                    return; // EVALUATED or later
                }
            }
        }
        throw new IllegalStateException("case " + caseId + " did not reach its end state");
    }

    /** 办结: an evaluated reply, or a joint opinion once sent; a reply still waiting for the deputy's evaluation stays open. */
    private void conclude(String caseId, String unit) {
        JsonPath c = read(caseId, office(unit));
        String state = c.getString("state");
        if ("EVALUATED".equals(state) || "OPINION_SENT".equals(state)) {
            act(caseId, office(unit), "conclusion", Map.of("comment", "办理完毕"), 200);
        }
    }

    /** The current review step, decided by its role and, where the case names one, by that person (token subject). */
    private void review(String caseId, String unit, JsonPath c) {
        String step = c.getString("review.currentStep");
        String person = switch (step) {
            case "DEPARTMENT_HEAD" -> c.getString("distribution.departmentHeadId");
            case "LEADER_IN_CHARGE" -> c.getString("distribution.leaderInChargeId");
            default -> null;
        };
        String token = "OFFICE_CHECK".equals(step) ? office(unit)
                : TestTokens.role("unit-leader").unit(unit).subject(person != null ? person : "leader-" + unit).sign();
        act(caseId, token, "review-decisions", Map.of("decision", "APPROVE", "comment", "同意"), 200);
    }

    /** A joint opinion is handled by the department; the unit's own replies are led by the leader in charge (局领导牵头). */
    private Map<String, Object> distribution(boolean leaderLed) {
        Map<String, Object> d = new LinkedHashMap<>(data.getMap("distribution"));
        if (!leaderLed) {
            d.remove("leadHandler");
            d.remove("leadHandlerId");
        }
        d.put("internalDeadline", LocalDate.now(ZoneOffset.ofHours(8)).plusMonths(2).toString());
        return d;
    }

    private Map<String, Object> communication(Map<String, Object> handling) {
        Map<String, Object> leader = Map.of("name", data.getString("distribution.leaderInCharge"), "title", "分管副局长", "leader", true);
        Map<String, Object> handler = Map.of("name", data.getString("distribution.responsiblePerson"), "title", "承办处室负责人", "leader", false);
        // an hour ago, but never before today in China: the suggestion was assigned today, and a communication
        // dated before its assignment is refused
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        OffsetDateTime at = now.minusHours(1).toLocalDate().isBefore(now.toLocalDate()) ? now.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                : now.minusHours(1);
        return Map.of("kind", handling.get("communication"),
                "occurredAt", at.toString(),
                "participants", List.of(leader, handler),
                "summary", "与代表沟通办理思路和初步答复意见,告知承办处室联系人。", "deputyViews", "代表认可办理思路,希望抓好落实。");
    }

    private Map<String, Object> draft(Map<String, Object> s, Map<String, Object> handling) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measures = (List<Map<String, Object>>) handling.get("measures");
        StringBuilder content = new StringBuilder("您提出的《").append(s.get("title")).append("》收悉。经研究,现答复如下:");
        for (int i = 0; i < measures.size(); i++) {
            content.append(i + 1).append('.').append(measures.get(i).get("measure")).append("。");
        }
        if (measures.isEmpty()) {
            content.append("我局将在今后工作中认真研究吸纳。");
        }
        content.append(handling == OTHER_UNITS_HANDLING ? "感谢您对我们工作的关心和支持。" : "感谢您对政务服务数据管理工作的关心和支持。");
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("category", handling.get("category"));
        draft.put("content", content.toString());
        draft.put("commitments", measures);
        draft.put("contacts", data.getList("contacts"));
        return draft;
    }

    private String caseOf(String suggestionId, String unit) {
        String supervisor = TestTokens.role("gov-supervisor").subject("seed-loader").sign();
        Instant until = Instant.now().plus(CASE_WAIT);
        while (true) {
            List<String> found = given().baseUri(workflowApi).auth().oauth2(supervisor)
                    .queryParam("suggestionId", suggestionId).queryParam("unitCode", unit)
                    .when().get("/api/v1/cases").then().statusCode(200).extract().path("items.findAll { it.state != 'CLOSED_BY_REASSIGNMENT' }.id");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("no case of " + unit + " for suggestion " + suggestionId + " after " + CASE_WAIT);
            }
            sleep(200);
        }
    }

    private JsonPath read(String caseId, String token) {
        return given().baseUri(workflowApi).auth().oauth2(token).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private void act(String caseId, String token, String step, Object body, int expected) {
        String etag = given().baseUri(workflowApi).auth().oauth2(token).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(workflowApi).auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/" + step).then().statusCode(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> units(Map<String, Object> s) {
        return new ArrayList<>((List<Map<String, Object>>) s.get("assignment"));
    }

    private Map<String, Object> deputy(String id) {
        List<Map<String, Object>> deputies = data.getList("deputies");
        return deputies.stream().filter(d -> id.equals(d.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("deputy " + id + " is not in the data file"));
    }

    private static String office(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }

    private static String handler(String unit) {
        return TestTokens.role("handler").unit(unit).subject("handler-" + unit).sign();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
