package gov.suggestions.workflow.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Drives cases through the HTTP API as each role would, after assigning them through the real broker. */
public final class CaseDriver implements AutoCloseable {

    public static final String DEPUTY = "D-0117";

    private final CloudEventProducer producer;

    public CaseDriver(String bootstrapServers) {
        awaitConsumer(bootstrapServers);
        this.producer = new CloudEventProducer(bootstrapServers);
    }

    /** Right after the app starts its consumer may not hold its partition yet; an event sent then waits for the join. */
    public static void awaitConsumer(String bootstrapServers) {
        gov.suggestions.testsupport.ConsumerGroups.awaitAssigned(bootstrapServers, "workflow-service", java.time.Duration.ofSeconds(90), "suggestions");
    }

    @Override
    public void close() {
        producer.close();
    }

    public static String unitCode() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unit entry of suggestion.assigned.v1. */
    public static String unit(String code, String role, LocalDate due) {
        boolean joint = "JOINT".equals(role);
        return """
                {"unitCode":"%s","unitName":"单位%s","role":"%s","replyDue":%s,"jointOpinionDue":%s}"""
                .formatted(code, code, role, joint ? "null" : "\"" + due + "\"", joint ? "\"" + due + "\"" : "null");
    }

    public static String header(String suggestionId, String number, String supervisionLevel) {
        return """
                "suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                "title":"关于加快推进政务数据共享的建议","year":2020,"supervisionLevel":"%s","priority":"HOT",
                "topics":["数字政府","政务数据共享"],
                "leadDeputy":{"id":"%s","name":"王某某","delegation":"福田代表团"},
                "coSigners":[{"id":"D-0200","name":"李某某","delegation":"南山代表团"}]"""
                .formatted(suggestionId, number, supervisionLevel, DEPUTY);
    }

    public String assign(String suggestionId, String supervisionLevel, List<String> units) {
        String eventId = UUID.randomUUID().toString();
        sendAssigned(suggestionId, eventId, supervisionLevel, units);
        return eventId;
    }

    public void sendAssigned(String suggestionId, String eventId, String supervisionLevel, List<String> units) {
        String json = "{" + header(suggestionId, "2020" + suggestionId.substring(0, 4), supervisionLevel)
                + ",\"assignedOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"units\":[" + String.join(",", units) + "]}";
        producer.send("suggestions", suggestionId, eventId, "/suggestion-service", "suggestion.assigned.v1", json);
    }

    /** As {@link #assign}, for a suggestion of another congress body (same lead deputy and co-signer roster ids). */
    public String assignIn(String congressBody, String suggestionId, List<String> units) {
        String eventId = UUID.randomUUID().toString();
        String json = "{" + header(suggestionId, "2020" + suggestionId.substring(0, 4), "ORDINARY").replace("\"congressBody\":\"" + BODY + "\"",
                "\"congressBody\":\"" + congressBody + "\"") + ",\"assignedOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                + "\",\"units\":[" + String.join(",", units) + "]}";
        producer.send("suggestions", suggestionId, eventId, "/suggestion-service", "suggestion.assigned.v1", json);
        return eventId;
    }

    public void reassign(String suggestionId, List<String> removed, List<String> added, List<String> all) {
        String json = "{" + header(suggestionId, "2020" + suggestionId.substring(0, 4), "ORDINARY")
                + ",\"reassignedOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"reason\":\"不属于本单位职责\",\"removedUnits\":["
                + String.join(",", removed) + "],\"addedUnits\":[" + String.join(",", added) + "],\"units\":[" + String.join(",", all) + "]}";
        producer.send("suggestions", suggestionId, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.reassigned.v1", json);
    }

    /** Waits until the case of (suggestion, unit) is open and returns its id. */
    public static String awaitCase(String suggestionId, String unitCode) {
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> ids = given().auth().oauth2(supervisor())
                    .queryParam("suggestionId", suggestionId).queryParam("unitCode", unitCode)
                    .when().get("/api/v1/cases").then().statusCode(200).extract().path("items.id");
            found.clear();
            found.addAll(ids);
            return !ids.isEmpty();
        });
        return found.get(0);
    }

    public static String supervisor() {
        return TestTokens.role("gov-supervisor").subject("supervisor-1").sign();
    }

    public static String office(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }

    /** The person named leader in charge (and lead handler) by {@link #DISTRIBUTION}; also department head and principal leader. */
    public static final String LEADER_IN_CHARGE = "wang-fujuzhang";

    /** The leader in charge named at distribution (token subject {@link #LEADER_IN_CHARGE}). */
    public static String leader(String unit) {
        return TestTokens.role("unit-leader").unit(unit).subject(LEADER_IN_CHARGE).sign();
    }

    /** Another leader of the same unit, not named at distribution. */
    public static String otherLeader(String unit) {
        return TestTokens.role("unit-leader").unit(unit).subject("zhang-fujuzhang").sign();
    }

    public static String handler(String unit) {
        return TestTokens.role("handler").unit(unit).subject("handler-" + unit).sign();
    }

    /** The congress body of the suggestions this driver assigns. */
    public static final String BODY = "shenzhen-npc";

    /** A deputy of {@link #BODY}. */
    public static String deputy(String id) {
        return deputy(BODY, id);
    }

    /** A deputy is (congress body, roster id): the same roster id in another body is another person. */
    public static String deputy(String congressBody, String id) {
        return TestTokens.role("deputy").congressBody(congressBody).deputy(id).subject("deputy-" + id).sign();
    }

    public static Response read(String caseId, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/" + caseId);
    }

    /** Reads the ETag with the same token, then posts with If-Match. */
    public static ValidatableResponse act(String caseId, String token, String step, Object body) {
        String etag = read(caseId, token).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(body)
                .when().post("/api/v1/cases/" + caseId + "/" + step).then();
    }

    public static final Map<String, Object> DISTRIBUTION = Map.of("leaderInCharge", "王副局长", "leaderInChargeId", LEADER_IN_CHARGE,
            "leadHandler", "王副局长", "leadHandlerId", LEADER_IN_CHARGE,
            "undertakingDepartment", "数据资源处", "assistingDepartments", List.of("政务服务处"), "responsiblePerson", "李某",
            "internalDeadline", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(2).toString());

    /**
     * The start of today in Asia/Shanghai: a communication may not precede the case's assignment (the cases here are
     * assigned today) nor lie in the future.
     */
    public static String startOfToday() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "T00:00:00+08:00";
    }

    /** A phone call dated at the start of today, computed per call: a test that runs across midnight must not send yesterday's date. */
    public static Map<String, Object> phoneCall() {
        return Map.of("kind", "PHONE", "occurredAt", startOfToday(),
                "participants", List.of(Map.of("name", "王副局长", "title", "副局长", "leader", true)),
                "summary", "电话沟通办理思路,告知联系人", "deputyViews", "希望加快进度");
    }

    public static Map<String, Object> draft(String category, String content) {
        return Map.of("category", category, "content", content,
                "commitments", List.of(Map.of("measure", "年内上线共享平台二期", "owner", "数据资源处", "targetDate", "2020-12-31")),
                "contacts", List.of(Map.of("name", "李某", "title", "数据资源处处长", "phone", "0755-88100000")));
    }

    public static final Map<String, Object> APPROVE = Map.of("decision", "APPROVE", "comment", "同意");
    public static final Map<String, Object> RETURN = Map.of("decision", "RETURN", "comment", "请补充具体措施和时间表");
    public static final Map<String, Object> NONE = Map.of();

    /** The default chain: three leader steps, then the office check. */
    public static void approveDefaultChain(String caseId, String unit) {
        for (int i = 0; i < 3; i++) {
            act(caseId, leader(unit), "review-decisions", APPROVE).statusCode(200);
        }
        act(caseId, office(unit), "review-decisions", APPROVE).statusCode(200);
    }

    /** ASSIGNED → REPLIED along the shortest legal path. */
    public static void toReplied(String caseId, String unit) {
        act(caseId, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(caseId, handler(unit), "communications", phoneCall()).statusCode(200);
        act(caseId, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(caseId, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(caseId, unit);
        act(caseId, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200);
    }
}
