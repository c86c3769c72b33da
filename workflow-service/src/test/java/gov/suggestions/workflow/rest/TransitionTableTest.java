package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every state × action pair through the HTTP API: the pairs the workflow allows answer 2xx,
 * every other answers 409 with a reason and leaves the case as it was. The expected table is
 * written here by hand from the handling rules (workflow-service README, "The case and its state machine"), independently of the production table.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TransitionTableTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An HTTP action as the role that would take it. */
    enum Action {
        DISTRIBUTE, COMMUNICATE, SAVE_DRAFT, SUBMIT, APPROVE, RETURN, ISSUE_REPLY, SEND_OPINION, EVALUATE, CONCLUDE;

        ExtractableResponse<Response> run(String caseId, String unit, boolean joint) {
            return (switch (this) {
                case DISTRIBUTE -> act(caseId, office(unit), "distribution", DISTRIBUTION);
                case COMMUNICATE -> act(caseId, handler(unit), "communications", phoneCall());
                case SAVE_DRAFT -> act(caseId, handler(unit), "drafts", joint ? Map.of("content", "会办意见") : draft("A", "已解决"));
                case SUBMIT -> act(caseId, handler(unit), "draft-submission", NONE);
                case APPROVE -> act(caseId, leader(unit), "review-decisions", CaseDriver.APPROVE);
                case RETURN -> act(caseId, leader(unit), "review-decisions", CaseDriver.RETURN);
                case ISSUE_REPLY -> act(caseId, office(unit), "reply", Map.of("disclosure", "PUBLIC"));
                case SEND_OPINION -> act(caseId, office(unit), "opinion", NONE);
                case EVALUATE -> act(caseId, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED"));
                case CONCLUDE -> act(caseId, office(unit), "conclusion", NONE);
            }).extract();
        }
    }

    record Setup(BiConsumer<String, String> path) {
    }

    private static final Map<String, Setup> REPLY_STATES = new LinkedHashMap<>();
    private static final Map<String, Set<Action>> REPLY_ALLOWED = Map.of(
            "ASSIGNED", Set.of(Action.DISTRIBUTE),
            "DISTRIBUTED", Set.of(Action.COMMUNICATE, Action.SAVE_DRAFT),
            "COMMUNICATING", Set.of(Action.COMMUNICATE, Action.SAVE_DRAFT),
            "DRAFTING", Set.of(Action.COMMUNICATE, Action.SAVE_DRAFT, Action.SUBMIT),
            // the reply can only be issued once the whole chain approved: not at its first step
            "UNDER_REVIEW", Set.of(Action.APPROVE, Action.RETURN),
            // concluding as "not evaluated" waits for the evaluation window
            "REPLIED", Set.of(Action.EVALUATE),
            "EVALUATED", Set.of(Action.CONCLUDE),
            "REHANDLING", Set.of(Action.COMMUNICATE, Action.SAVE_DRAFT),
            "CONCLUDED", Set.of(),
            "CLOSED_BY_REASSIGNMENT", Set.of());

    private static final Map<String, Setup> JOINT_STATES = new LinkedHashMap<>();
    private static final Map<String, Set<Action>> JOINT_ALLOWED = Map.of(
            "ASSIGNED", Set.of(Action.DISTRIBUTE),
            "DISTRIBUTED", Set.of(Action.SAVE_DRAFT),
            "DRAFTING", Set.of(Action.SAVE_DRAFT, Action.SUBMIT),
            "UNDER_REVIEW", Set.of(Action.APPROVE, Action.RETURN),
            "OPINION_SENT", Set.of(Action.CONCLUDE),
            "CONCLUDED", Set.of(),
            "CLOSED_BY_REASSIGNMENT", Set.of());

    static {
        REPLY_STATES.put("ASSIGNED", new Setup((id, u) -> { }));
        REPLY_STATES.put("DISTRIBUTED", new Setup((id, u) -> Action.DISTRIBUTE.run(id, u, false)));
        REPLY_STATES.put("COMMUNICATING", new Setup((id, u) -> steps(id, u, false, Action.DISTRIBUTE, Action.COMMUNICATE)));
        REPLY_STATES.put("DRAFTING", new Setup((id, u) -> steps(id, u, false, Action.DISTRIBUTE, Action.COMMUNICATE, Action.SAVE_DRAFT)));
        REPLY_STATES.put("UNDER_REVIEW", new Setup((id, u) -> steps(id, u, false, Action.DISTRIBUTE, Action.COMMUNICATE,
                Action.SAVE_DRAFT, Action.SUBMIT)));
        REPLY_STATES.put("REPLIED", new Setup((id, u) -> toReplied(id, u)));
        REPLY_STATES.put("EVALUATED", new Setup((id, u) -> { toReplied(id, u); Action.EVALUATE.run(id, u, false); }));
        REPLY_STATES.put("REHANDLING", new Setup((id, u) -> {
            toReplied(id, u);
            act(id, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED")).statusCode(200);
        }));
        REPLY_STATES.put("CONCLUDED", new Setup((id, u) -> { toReplied(id, u); steps(id, u, false, Action.EVALUATE, Action.CONCLUDE); }));
        REPLY_STATES.put("CLOSED_BY_REASSIGNMENT", null);

        JOINT_STATES.put("ASSIGNED", new Setup((id, u) -> { }));
        JOINT_STATES.put("DISTRIBUTED", new Setup((id, u) -> Action.DISTRIBUTE.run(id, u, true)));
        JOINT_STATES.put("DRAFTING", new Setup((id, u) -> steps(id, u, true, Action.DISTRIBUTE, Action.SAVE_DRAFT)));
        JOINT_STATES.put("UNDER_REVIEW", new Setup((id, u) -> steps(id, u, true, Action.DISTRIBUTE, Action.SAVE_DRAFT, Action.SUBMIT)));
        JOINT_STATES.put("OPINION_SENT", new Setup((id, u) -> steps(id, u, true, Action.DISTRIBUTE, Action.SAVE_DRAFT, Action.SUBMIT,
                Action.APPROVE, Action.APPROVE, Action.SEND_OPINION)));
        JOINT_STATES.put("CONCLUDED", new Setup((id, u) -> steps(id, u, true, Action.DISTRIBUTE, Action.SAVE_DRAFT, Action.SUBMIT,
                Action.APPROVE, Action.APPROVE, Action.SEND_OPINION, Action.CONCLUDE)));
        JOINT_STATES.put("CLOSED_BY_REASSIGNMENT", null);
    }

    private static void steps(String id, String unit, boolean joint, Action... actions) {
        for (Action action : actions) {
            int status = action.run(id, unit, joint).statusCode();
            assertTrue(status / 100 == 2, action + " on the way failed with " + status);
        }
    }

    @Test
    void replyCasesAllowExactlyTheTableAndAnswerEveryOtherActionWith409() {
        check("SOLE", REPLY_STATES, REPLY_ALLOWED, false);
    }

    @Test
    void jointCasesAllowExactlyTheTableAndAnswerEveryOtherActionWith409() {
        check("JOINT", JOINT_STATES, JOINT_ALLOWED, true);
    }

    private void check(String role, Map<String, Setup> states, Map<String, Set<Action>> allowed, boolean joint) {
        // one case per (state, allowed action) plus one per state for all its forbidden actions: all opened by one assignment
        record Slot(String state, Action allowedAction, String unit) {
        }
        List<Slot> slots = new ArrayList<>();
        for (String state : states.keySet()) {
            slots.add(new Slot(state, null, unitCode()));
            for (Action action : allowed.get(state)) {
                slots.add(new Slot(state, action, unitCode()));
            }
        }
        String suggestion = UUID.randomUUID().toString();
        LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3);
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", slots.stream().map(s -> CaseDriver.unit(s.unit(), role, due)).toList());
            List<String> closed = slots.stream().filter(s -> s.state().equals("CLOSED_BY_REASSIGNMENT"))
                    .map(s -> "{\"unitCode\":\"" + s.unit() + "\",\"role\":\"" + role + "\"}").toList();
            driver.reassign(suggestion, closed, List.of(), List.of());
        }
        List<String> failures = new ArrayList<>();
        int pairs = 0;
        for (Slot slot : slots) {
            String id = awaitCase(suggestion, slot.unit());
            if (slot.state().equals("CLOSED_BY_REASSIGNMENT")) {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                        .until(() -> "CLOSED_BY_REASSIGNMENT".equals(read(id, supervisor()).path("state")));
            } else {
                states.get(slot.state()).path().accept(id, slot.unit());
            }
            assertEquals(slot.state(), read(id, supervisor()).path("state"), "set-up of " + slot);
            if (slot.allowedAction() != null) {
                pairs++;
                int status = slot.allowedAction().run(id, slot.unit(), joint).statusCode();
                if (status / 100 != 2) {
                    failures.add(slot.state() + " × " + slot.allowedAction() + ": expected 2xx, got " + status);
                }
                continue;
            }
            for (Action action : Action.values()) {
                if (allowed.get(slot.state()).contains(action)) {
                    continue;
                }
                pairs++;
                ExtractableResponse<Response> response = action.run(id, slot.unit(), joint);
                if (response.statusCode() != 409) {
                    failures.add(slot.state() + " × " + action + ": expected 409, got " + response.statusCode() + " " + response.asString());
                } else {
                    assertNotNull(response.path("detail"), "409 without a reason");
                }
                String after = read(id, supervisor()).path("state");
                if (!slot.state().equals(after)) {
                    failures.add(slot.state() + " × " + action + ": the refused action moved the case to " + after);
                }
            }
        }
        assertEquals(states.size() * Action.values().length, pairs, "every state × action pair is exercised");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
