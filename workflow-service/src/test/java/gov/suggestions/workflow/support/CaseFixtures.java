package gov.suggestions.workflow.support;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.suggestions.testsupport.CloudEventProducer;

/**
 * Cases of one unit (congress body {@link CaseDriver#BODY}, lead deputy {@link CaseDriver#DEPUTY}), assigned through the
 * broker up front (with their suggestion.submitted.v1) and driven through the API to the state an operation needs:
 * ASSIGNED, DISTRIBUTED, COMMUNICATED, DRAFTED (category B), UNDER_REVIEW, REVIEWED, REPLIED (with one commitment),
 * EVALUATED, EXTENSION_OPEN (distributed, one pending extension request), READ (replied), JOINT_REVIEWED.
 */
public final class CaseFixtures {

    /** A case prepared for an operation, with the ids its path may need. */
    public record Fixture(String caseId, String suggestionId, String requestId, String commitmentId) {
    }

    private final String unit;

    private final Map<String, Fixture> shared = new HashMap<>();
    private final Deque<String[]> sole = new ArrayDeque<>();
    private final Deque<String[]> joint = new ArrayDeque<>();

    private final String bootstrapServers;

    /** {@code needed}: how many cases of each state will be asked for (shared ones included); more are assigned when they run out. */
    public CaseFixtures(String bootstrapServers, String unit, Map<String, Integer> needed) {
        this.bootstrapServers = bootstrapServers;
        this.unit = unit;
        int jointCount = needed.getOrDefault("JOINT_REVIEWED", 0);
        provision(needed.values().stream().mapToInt(Integer::intValue).sum() - jointCount, jointCount);
    }

    private void provision(int soleCount, int jointCount) {
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3);
        List<String[]> sent = new ArrayList<>();
        try (CaseDriver driver = new CaseDriver(bootstrapServers); CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int i = 0; i < soleCount + jointCount; i++) {
                String suggestion = UUID.randomUUID().toString();
                boolean isJoint = i >= soleCount;
                producer.send("suggestions", suggestion, UUID.randomUUID().toString(), "/suggestion-service", "suggestion.submitted.v1", """
                        {"suggestionId":"%s","congressBody":"%s","number":"M%s","kind":"SUGGESTION","title":"关于加快推进政务数据共享的建议",
                         "leadDeputy":{"id":"%s","name":"王某某"},"term":7,"session":1,"year":2020,"submittedOn":"2020-05-10"}"""
                        .formatted(suggestion, BODY, suggestion.substring(0, 8), DEPUTY));
                driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, isJoint ? "JOINT" : "SOLE", due)));
                sent.add(new String[] { suggestion, isJoint ? "JOINT" : "SOLE" });
            }
        }
        for (String[] s : sent) {
            String caseId = awaitCase(s[0], unit);
            (s[1].equals("JOINT") ? joint : sole).add(new String[] { caseId, s[0] });
        }
        if (sent.isEmpty()) {
            return;
        }
        // the received suggestions arrive on the same partition before their assignment
        String last = sent.get(sent.size() - 1)[0];
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(supervisor()).when()
                .get("/api/v1/received-suggestions/" + last).statusCode() == 200);
    }

    /** A fresh case of that state that from now on is also the shared one. */
    public Fixture replaceShared(String state) {
        Fixture f = fresh(state);
        shared.put(state, f);
        return f;
    }

    public Fixture shared(String state) {
        return shared.computeIfAbsent(state, this::fresh);
    }

    public Fixture fresh(String state) {
        boolean isJoint = state.equals("JOINT_REVIEWED");
        if ((isJoint ? joint : sole).isEmpty()) {
            provision(isJoint ? 0 : 5, isJoint ? 2 : 0);
        }
        String[] next = (isJoint ? joint : sole).pop();
        String id = next[0];
        String requestId = null;
        String commitmentId = null;
        if (isJoint) {
            act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
            act(id, handler(unit), "drafts", Map.of("content", "我委支持")).statusCode(201);
            act(id, handler(unit), "draft-submission", NONE).statusCode(200);
            act(id, leader(unit), "review-decisions", APPROVE).statusCode(200);
            act(id, leader(unit), "review-decisions", APPROVE).statusCode(200);
            return new Fixture(id, next[1], null, null);
        }
        List<String> path = List.of("ASSIGNED", "DISTRIBUTED", "COMMUNICATED", "DRAFTED", "UNDER_REVIEW", "REVIEWED", "REPLIED", "EVALUATED");
        int target = switch (state) {
            case "EXTENSION_OPEN" -> 1;
            case "READ" -> path.indexOf("REPLIED");
            default -> path.indexOf(state);
        };
        if (target < 0) {
            throw new IllegalArgumentException("unknown fixture state " + state);
        }
        if (target >= 1) {
            act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        }
        if (target >= 2) {
            act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        }
        if (target >= 3) {
            act(id, handler(unit), "drafts", draft("B", "正在解决,年内上线")).statusCode(201);
        }
        if (target >= 4) {
            act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        }
        if (target >= 5) {
            approveDefaultChain(id, unit);
        }
        if (target >= 6) {
            act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200);
            commitmentId = given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200)
                    .extract().path("[0].id");
        }
        if (target >= 7) {
            act(id, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED")).statusCode(200);
        }
        if (state.equals("EXTENSION_OPEN")) {
            requestId = given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("requestedDueOn",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString(), "reason", "需等待平台升级"))
                    .when().post("/api/v1/cases/" + id + "/extension-requests").then().statusCode(201).extract().path("id");
        }
        return new Fixture(id, next[1], requestId, commitmentId);
    }
}
