package gov.suggestions.systemtests.migration;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.suggestions.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A unit adopting the suite at the end of a year, as the migration section of the README describes it: last year's
 * handling, finished on the previous platform, and a few cases still in hand, brought over through the public APIs
 * (suggestion imports with their assignments, then case imports with every step and its real date), after which the
 * cases in hand are finished live. The year is made up here, block by block ({@link Block}), so that every figure
 * reporting-service gives for it can be counted by hand (SuiteIT counts them).
 *
 * <p>Year Y is the one before today's, so the test means the same on any day: the dates below are days of Y.
 * <p>
 * Over 400 lines on purpose: it is a year of handling written as data, read from top to bottom.
 */
public final class MigratedYear {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String BODY = "shenzhen-npc";
    /** The deputies' addresses and numbers: other tests of the suite can tell their notices apart. */
    public static final String MAIL_DOMAIN = "@deputies.migration.example.org";
    public static final String PHONE_PREFIX = "13911";

    /**
     * The blocks of the migrated unit's year, the unit's role in each case and what happened to it. The figures the
     * test expects are counted from this table by hand.
     */
    public enum Block {
        /** 12 SOLE cases replied on time (8 after a phone call, category A; 4 after a meeting, category B), all satisfied. */
        ON_TIME(12, "SOLE"),
        /** 3 SOLE cases replied 10 days late (category B), basically satisfied. */
        LATE(3, "SOLE"),
        /** 1 SOLE case whose deadline was extended by a month; replied after the first deadline, before the new one. */
        EXTENDED(1, "SOLE"),
        /** 1 SOLE case: unsatisfied with the first reply, re-handled, satisfied with the second. */
        REHANDLED(1, "SOLE"),
        /** 1 SOLE case the deputy never evaluated; concluded after the evaluation window. */
        UNEVALUATED(1, "SOLE"),
        /** 4 cases the unit led (LEAD) with the partner unit as JOINT, replied on time, satisfied. */
        LEAD(4, "LEAD"),
        /** 2 cases both units handled separately (SEPARATE), category C, satisfied. */
        SEPARATE(2, "SEPARATE"),
        /** 16 JOINT cases led by the partner unit: 14 opinions sent on time, 2 five days late. */
        JOINT(16, "JOINT"),
        /** 1 SOLE case of year Y still in hand (distributed, communicated), past its deadline: finished live, late. */
        OVERDUE_IN_HAND(1, "SOLE"),
        /** 1 SOLE case of this year in hand: replied, evaluated and concluded live. */
        THIS_YEAR_REPLY(1, "SOLE"),
        /** 1 JOINT case of this year in hand: its opinion sent live, on time. */
        THIS_YEAR_JOINT(1, "JOINT");

        public final int count;
        public final String role;

        Block(int count, String role) {
            this.count = count;
            this.role = role;
        }
    }

    private static final Map<Block, String> SUBJECTS = Map.ofEntries(Map.entry(Block.ON_TIME, "推进政务数据共享"),
            Map.entry(Block.LATE, "优化营商环境"), Map.entry(Block.EXTENDED, "建设智慧城市"), Map.entry(Block.REHANDLED, "完善电子证照应用"),
            Map.entry(Block.UNEVALUATED, "加强数据安全"), Map.entry(Block.LEAD, "推进一网通办"), Map.entry(Block.SEPARATE, "改进窗口服务"),
            Map.entry(Block.JOINT, "发展数字经济"), Map.entry(Block.OVERDUE_IN_HAND, "推动数据立法"), Map.entry(Block.THIS_YEAR_REPLY, "便利企业开办"),
            Map.entry(Block.THIS_YEAR_JOINT, "建设城市大脑"));

    /** One suggestion of the file: its number, block and index in the block. */
    public record Planned(String number, Block block, int index, String leadDeputy) {
    }

    private final String suggestionApi;
    private final String workflowApi;
    public final int year;
    public final int thisYear;
    public final LocalDate today;
    public final String unit;
    public final String partner;
    public final String creditCode;
    private final String prefix;
    public final List<String> deputies = new ArrayList<>();
    public final List<Planned> planned = new ArrayList<>();
    private final Map<String, String> caseIds = new LinkedHashMap<>();

    public MigratedYear(String suggestionApi, String workflowApi) {
        this.suggestionApi = suggestionApi;
        this.workflowApi = workflowApi;
        this.today = LocalDate.now(CHINA);
        this.thisYear = today.getYear();
        this.year = thisYear - 1;
        String run = UUID.randomUUID().toString().substring(0, 6);
        this.unit = "mig-" + run;
        this.partner = "mip-" + run;
        this.prefix = "M" + run;
        this.creditCode = creditCode("11440300MB2C" + run.toUpperCase().substring(0, 5)); // hex digits are all allowed there
        for (int d = 1; d <= 4; d++) {
            deputies.add("MD-" + run + "-" + d);
        }
        int n = 0;
        for (Block block : Block.values()) {
            for (int i = 0; i < block.count; i++) {
                n++;
                planned.add(new Planned(prefix + String.format("%03d", n), block, i, deputies.get(n % deputies.size())));
            }
        }
    }

    /** The 17 characters with the check character GB 32100-2015 gives them. */
    static String creditCode(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }

    /** A day of the migrated year. */
    public LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(year, month, dayOfMonth);
    }

    /** A day of this year {@code days} before today, never before 1 January (the cases in hand are this year's). */
    LocalDate daysAgo(int days) {
        LocalDate day = today.minusDays(days);
        return day.getYear() < thisYear ? LocalDate.of(thisYear, 1, 1) : day;
    }

    public List<Planned> of(Block block) {
        return planned.stream().filter(p -> p.block() == block).toList();
    }

    public String caseOf(Planned p) {
        return caseIds.get(p.number());
    }

    public static String email(String deputy) {
        return deputy.toLowerCase() + MAIL_DOMAIN;
    }

    // ---- reference data

    /** The two units and the deputies (with contacts, so that notification-service could reach them). */
    public void referenceData() {
        String system = TestTokens.role("system").subject("migration-it").sign();
        List<Map<String, Object>> units = List.of(
                Map.of("code", unit, "name", "深圳市迁移测试局" + unit, "unifiedSocialCreditCode", creditCode),
                Map.of("code", partner, "name", "深圳市协办测试局" + partner, "unifiedSocialCreditCode", "11440300MB2C92413C"));
        given().baseUri(suggestionApi).auth().oauth2(system).contentType(ContentType.JSON).body(units)
                .when().post("/api/v1/units/bulk").then().statusCode(200);
        List<Map<String, Object>> roster = new ArrayList<>();
        for (int i = 0; i < deputies.size(); i++) {
            roster.add(Map.of("congressBody", BODY, "id", deputies.get(i), "name", "代表" + (i + 1), "delegation", "福田代表团",
                    "phone", PHONE_PREFIX + String.format("%06d", Math.floorMod(deputies.get(i).hashCode(), 1_000_000)), "email", email(deputies.get(i))));
        }
        given().baseUri(suggestionApi).auth().oauth2(system).contentType(ContentType.JSON).body(roster)
                .when().post("/api/v1/deputies/bulk").then().statusCode(200);
    }

    // ---- the suggestion file

    /** The rows of the suggestion import: each suggestion with the assignment it had and its record on the old platform. */
    public Map<String, Object> suggestionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Planned p : planned) {
            boolean current = p.block() == Block.THIS_YEAR_REPLY || p.block() == Block.THIS_YEAR_JOINT;
            LocalDate assignedOn = assignedOn(p);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("congressBody", BODY);
            row.put("number", p.number());
            row.put("kind", "SUGGESTION");
            row.put("title", "关于" + SUBJECTS.get(p.block()) + "的建议(" + (p.index() + 1) + ")");
            row.put("body", "建议进一步做好相关工作。");
            row.put("leadDeputy", Map.of("id", p.leadDeputy(), "name", "代表" + (deputies.indexOf(p.leadDeputy()) + 1), "delegation", "福田代表团"));
            row.put("term", 7);
            row.put("session", current ? 3 : 2);
            row.put("year", current ? thisYear : year);
            row.put("submittedOn", (current ? assignedOn : day(1, 20)).toString());
            row.put("topics", List.of("数字政府"));
            List<Map<String, Object>> units = new ArrayList<>();
            switch (p.block().role) {
                case "SOLE" -> units.add(Map.of("unitCode", unit, "role", "SOLE"));
                case "LEAD" -> {
                    units.add(Map.of("unitCode", unit, "role", "LEAD"));
                    units.add(Map.of("unitCode", partner, "role", "JOINT"));
                }
                case "SEPARATE" -> {
                    units.add(Map.of("unitCode", unit, "role", "SEPARATE"));
                    units.add(Map.of("unitCode", partner, "role", "SEPARATE"));
                }
                default -> {
                    units.add(Map.of("unitCode", partner, "role", "LEAD"));
                    units.add(Map.of("unitCode", unit, "role", "JOINT"));
                }
            }
            row.put("assignment", Map.of("assignedOn", assignedOn.toString(), "units", units));
            row.put("sourceRecord", "old-platform:" + p.number());
            rows.add(row);
        }
        return Map.of("rows", rows);
    }

    LocalDate assignedOn(Planned p) {
        return switch (p.block()) {
            case OVERDUE_IN_HAND -> day(9, 1);
            case THIS_YEAR_REPLY -> daysAgo(20);
            case THIS_YEAR_JOINT -> daysAgo(10);
            default -> day(3, 10);
        };
    }

    // ---- the case file: every step of the migrated unit's cases, with its real date and actor

    public Map<String, Object> caseFile() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Planned p : planned) {
            cases.add(Map.of("sourceRecord", "old-platform:" + p.number() + "/" + unit, "suggestionNumber", p.number(), "unitCode", unit,
                    "steps", steps(p)));
        }
        return Map.of("cases", cases);
    }

    List<Map<String, Object>> steps(Planned p) {
        int i = p.index();
        List<Map<String, Object>> steps = new ArrayList<>();
        switch (p.block()) {
            case ON_TIME -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication(i < 8 ? "PHONE" : "MEETING", day(4, 1)));
                // a B reply (采纳, to be done) lists its measures; two A replies name the measures taken
                steps.add(reply(i < 8 ? "A" : "B", "PUBLIC", day(5, 20), i < 2 || i >= 8 ? measureOf(p) : null));
                steps.add(evaluation("SATISFIED", day(6, 1)));
                steps.add(conclusion(day(6, 5)));
            }
            case LATE -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("PHONE", day(4, 2)));
                steps.add(reply("B", "ON_REQUEST", day(6, 20), measureOf(p)));
                steps.add(evaluation("BASICALLY_SATISFIED", day(7, 1)));
                steps.add(conclusion(day(7, 3)));
            }
            case EXTENDED -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("PHONE", day(4, 3)));
                steps.add(step("EXTENSION", "办公室周某", "requestedDueOn", day(7, 10).toString(), "reason", "需会同多个部门研究",
                        "requestedOn", day(6, 1).toString(), "decidedOn", day(6, 3).toString(), "comment", "同意延期至7月10日"));
                steps.add(reply("A", "PUBLIC", day(7, 1), null));
                steps.add(evaluation("SATISFIED", day(7, 10)));
                steps.add(conclusion(day(7, 12)));
            }
            case REHANDLED -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("MEETING", day(4, 3)));
                steps.add(reply("A", "PUBLIC", day(5, 20), null));
                steps.add(evaluation("UNSATISFIED", day(6, 1)));
                steps.add(communication("PHONE", day(6, 5)));
                steps.add(reply("A", "PUBLIC", day(6, 25), null));
                steps.add(evaluation("SATISFIED", day(7, 5)));
                steps.add(conclusion(day(7, 8)));
            }
            case UNEVALUATED -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("PHONE", day(4, 3)));
                steps.add(reply("A", "NOT_DISCLOSED", day(5, 20), null));
                steps.add(conclusion(day(7, 1))); // the 30-day window closed on 19 June
            }
            case LEAD -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("PHONE", day(4, 2)));
                steps.add(reply("A", "PUBLIC", day(5, 25), null));
                steps.add(evaluation("SATISFIED", day(6, 5)));
                steps.add(conclusion(day(6, 8)));
            }
            case SEPARATE -> {
                steps.add(distribution(day(3, 12), true));
                steps.add(communication("PHONE", day(4, 2)));
                steps.add(reply("C", "PUBLIC", day(5, 28), null));
                steps.add(evaluation("SATISFIED", day(6, 8)));
                steps.add(conclusion(day(6, 10)));
            }
            case JOINT -> {
                steps.add(distribution(day(3, 12), false));
                steps.add(step("JOINT_OPINION", "办公室周某", "content", "我局赞同建议的方向,将配合主办单位落实。",
                        "sentOn", (i < 14 ? day(4, 5) : day(4, 15)).toString()));
                steps.add(conclusion(day(4, 20)));
            }
            case OVERDUE_IN_HAND -> {
                steps.add(distribution(day(9, 3), true));
                steps.add(communication("PHONE", day(10, 10)));
            }
            case THIS_YEAR_REPLY -> {
                steps.add(distribution(daysAgo(18), true));
                steps.add(communication("PHONE", daysAgo(10)));
            }
            case THIS_YEAR_JOINT -> steps.add(distribution(daysAgo(8), false));
        }
        return steps;
    }

    public static String measureOf(Planned p) {
        return "年内完成" + SUBJECTS.get(p.block()) + "第" + (p.index() + 1) + "项制度建设";
    }

    private static Map<String, Object> step(String kind, String actor, Object... fields) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", kind);
        step.put("actor", actor);
        for (int i = 0; i < fields.length; i += 2) {
            step.put((String) fields[i], fields[i + 1]);
        }
        return step;
    }

    /** Replies are led by the leader in charge (局领导牵头); joint opinions by the department alone. */
    private static Map<String, Object> distribution(LocalDate on, boolean leaderLed) {
        Map<String, Object> step = step("DISTRIBUTION", "办公室周某", "leaderInCharge", "赵副局长", "leaderInChargeId", "zhao-fujuzhang",
                "departmentHeadId", "qian-chuzhang", "undertakingDepartment", "综合规划处", "responsiblePerson", "孙某",
                "internalDeadline", on.plusMonths(2).toString(), "distributedOn", on.toString());
        if (leaderLed) {
            step.put("leadHandler", "赵副局长");
            step.put("leadHandlerId", "zhao-fujuzhang");
        }
        return step;
    }

    private static Map<String, Object> communication(String kind, LocalDate on) {
        return step("COMMUNICATION", "孙某", "kind", kind, "occurredAt", on + "T10:00:00+08:00",
                "participants", List.of(Map.of("name", "赵副局长", "title", "副局长", "leader", true)),
                "summary", "与代表沟通办理思路");
    }

    private static Map<String, Object> reply(String category, String disclosure, LocalDate on, String measure) {
        Map<String, Object> step = step("REPLY", "办公室周某", "category", category, "content", "代表:您提出的建议收悉。经研究,现答复如下:已研究落实。",
                "contacts", List.of(Map.of("name", "孙某", "title", "综合规划处处长", "phone", "0755-88000000")),
                "disclosure", disclosure, "issuedOn", on.toString());
        if (measure != null) {
            step.put("commitments", List.of(Map.of("measure", measure, "owner", "综合规划处", "targetDate", on.plusMonths(6).toString())));
        }
        return step;
    }

    private static Map<String, Object> evaluation(String result, LocalDate on) {
        return step("EVALUATION", "代表", "result", result, "evaluatedOn", on.toString(), "comments", "答复认真");
    }

    private static Map<String, Object> conclusion(LocalDate on) {
        return step("CONCLUSION", "办公室周某", "concludedOn", on.toString(), "comment", "办理完毕");
    }

    // ---- the APIs

    public static String office() {
        return TestTokens.role("congress-office").congressBody(BODY).subject("migration-office").sign();
    }

    public static String migrator() {
        return TestTokens.role("data-migrator").congressBody(BODY).subject("migrator-it").sign();
    }

    public String unitOffice() {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }

    /** POSTs the case file until no case is NOT_OPEN (the assignments' events reach workflow-service a moment later). */
    public List<Map<String, Object>> importCases(Map<String, Object> file, Duration patience) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
        Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            waiting.add(i);
        }
        Instant until = Instant.now().plus(patience);
        while (!waiting.isEmpty()) {
            List<Map<String, Object>> batch = waiting.stream().map(cases::get).toList();
            List<Map<String, Object>> answered = given().baseUri(workflowApi).auth().oauth2(migrator()).contentType(ContentType.JSON)
                    .body(Map.of("cases", batch)).when().post("/api/v1/case-imports")
                    .then().statusCode(200).extract().jsonPath().getList("results");
            List<Integer> still = new ArrayList<>();
            for (int k = 0; k < answered.size(); k++) {
                Map<String, Object> result = answered.get(k);
                int index = waiting.get(k);
                if ("NOT_OPEN".equals(result.get("outcome"))) {
                    still.add(index);
                } else {
                    results.put(index, result);
                    caseIds.put((String) cases.get(index).get("suggestionNumber"), (String) result.get("caseId"));
                }
            }
            waiting = still;
            if (!waiting.isEmpty()) {
                if (Instant.now().isAfter(until)) {
                    throw new AssertionError(waiting.size() + " cases still not open after " + patience);
                }
                sleep(500);
            }
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    // ---- finishing the cases in hand live, as the unit's staff and the deputy do

    /** Draft, submission, every review step by the person it names, and the reply (SOLE) or the opinion (JOINT). */
    public void answerLive(Planned p, String category) {
        String caseId = caseOf(p);
        boolean joint = "JOINT".equals(p.block().role);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("content", joint ? "我局赞同建议的方向,将配合主办单位落实。" : "代表:您提出的建议收悉。经研究,现答复如下:已研究落实。");
        if (!joint) {
            draft.put("category", category);
            if ("B".equals(category)) {
                draft.put("commitments", List.of(Map.of("measure", measureOf(p), "owner", "综合规划处", "targetDate", today.plusMonths(6).toString())));
            }
            draft.put("contacts", List.of(Map.of("name", "孙某", "title", "综合规划处处长", "phone", "0755-88000000")));
        }
        act(caseId, handler(), "drafts", draft, 201);
        act(caseId, handler(), "draft-submission", Map.of(), 200);
        for (int step = 0; step < 6; step++) {
            JsonPath c = read(caseId);
            if (c.getBoolean("review.complete")) {
                break;
            }
            String current = c.getString("review.currentStep");
            String person = switch (current) {
                case "DEPARTMENT_HEAD" -> c.getString("distribution.departmentHeadId");
                case "LEADER_IN_CHARGE" -> c.getString("distribution.leaderInChargeId");
                default -> "leader-" + unit;
            };
            String token = "OFFICE_CHECK".equals(current) ? unitOffice() : TestTokens.role("unit-leader").unit(unit).subject(person).sign();
            act(caseId, token, "review-decisions", Map.of("decision", "APPROVE", "comment", "同意"), 200);
        }
        if (joint) {
            act(caseId, unitOffice(), "opinion", Map.of(), 200);
        } else {
            act(caseId, unitOffice(), "reply", Map.of("disclosure", "PUBLIC"), 200);
        }
    }

    public void evaluateLive(Planned p, String result) {
        String deputy = TestTokens.role("deputy").congressBody(BODY).deputy(p.leadDeputy()).subject("deputy-" + p.leadDeputy()).sign();
        act(caseOf(p), deputy, "evaluation", Map.of("result", result, "comments", "答复认真,措施具体"), 200);
    }

    public void concludeLive(Planned p) {
        act(caseOf(p), unitOffice(), "conclusion", Map.of("comment", "办理完毕"), 200);
    }

    public JsonPath read(String caseId) {
        return given().baseUri(workflowApi).auth().oauth2(unitOffice()).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private String handler() {
        return TestTokens.role("handler").unit(unit).subject("handler-" + unit).sign();
    }

    private void act(String caseId, String token, String step, Object body, int expected) {
        String etag = given().baseUri(workflowApi).auth().oauth2(token).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(workflowApi).auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/" + step).then().statusCode(expected);
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
