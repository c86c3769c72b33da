package gov.suggestions.workflow.domain;

import static gov.suggestions.workflow.domain.CaseAction.*;
import static gov.suggestions.workflow.domain.CaseState.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state machine of a case as one explicit table per track: a reply case (SOLE, LEAD,
 * SEPARATE) answers the deputy; a JOINT case sends an opinion to the lead unit. A pair missing
 * from the table is forbidden. Guards that depend on data (communicate first, joint opinions,
 * review complete) are the aggregate's (HandlingCase, domain.policy), on top of this table.
 */
public final class CaseTransitions {

    private static final Map<CaseState, Map<CaseAction, CaseState>> REPLY = new EnumMap<>(CaseState.class);
    private static final Map<CaseState, Map<CaseAction, CaseState>> JOINT_OPINION = new EnumMap<>(CaseState.class);

    static {
        allow(REPLY, ASSIGNED, DISTRIBUTE, DISTRIBUTED);
        allow(REPLY, DISTRIBUTED, RECORD_COMMUNICATION, COMMUNICATING);
        allow(REPLY, DISTRIBUTED, SAVE_DRAFT, DRAFTING);
        allow(REPLY, COMMUNICATING, RECORD_COMMUNICATION, COMMUNICATING);
        allow(REPLY, COMMUNICATING, SAVE_DRAFT, DRAFTING);
        // the draft is discussed with the deputy before it goes to review (答复前先行沟通)
        allow(REPLY, DRAFTING, RECORD_COMMUNICATION, DRAFTING);
        allow(REPLY, DRAFTING, SAVE_DRAFT, DRAFTING);
        allow(REPLY, DRAFTING, SUBMIT_DRAFT, UNDER_REVIEW);
        allow(REPLY, UNDER_REVIEW, APPROVE_REVIEW, UNDER_REVIEW);
        allow(REPLY, UNDER_REVIEW, RETURN_DRAFT, DRAFTING);
        allow(REPLY, UNDER_REVIEW, ISSUE_REPLY, REPLIED);
        allow(REPLY, REPLIED, EVALUATE, EVALUATED);
        allow(REPLY, REPLIED, CONCLUDE, CONCLUDED);
        allow(REPLY, EVALUATED, START_REHANDLING, REHANDLING);
        allow(REPLY, EVALUATED, CONCLUDE, CONCLUDED);
        allow(REPLY, REHANDLING, RECORD_COMMUNICATION, COMMUNICATING);
        allow(REPLY, REHANDLING, SAVE_DRAFT, DRAFTING);

        allow(JOINT_OPINION, ASSIGNED, DISTRIBUTE, DISTRIBUTED);
        allow(JOINT_OPINION, DISTRIBUTED, SAVE_DRAFT, DRAFTING);
        allow(JOINT_OPINION, DRAFTING, SAVE_DRAFT, DRAFTING);
        allow(JOINT_OPINION, DRAFTING, SUBMIT_DRAFT, UNDER_REVIEW);
        allow(JOINT_OPINION, UNDER_REVIEW, APPROVE_REVIEW, UNDER_REVIEW);
        allow(JOINT_OPINION, UNDER_REVIEW, RETURN_DRAFT, DRAFTING);
        allow(JOINT_OPINION, UNDER_REVIEW, SEND_OPINION, OPINION_SENT);
        allow(JOINT_OPINION, OPINION_SENT, CONCLUDE, CONCLUDED);

        for (Map<CaseState, Map<CaseAction, CaseState>> table : java.util.List.of(REPLY, JOINT_OPINION)) {
            for (CaseState state : CaseState.values()) {
                if (!state.equals(CONCLUDED) && !state.equals(CLOSED_BY_REASSIGNMENT) && table.containsKey(state)) {
                    allow(table, state, CLOSE_BY_REASSIGNMENT, CLOSED_BY_REASSIGNMENT);
                }
            }
        }
    }

    private CaseTransitions() {
    }

    private static void allow(Map<CaseState, Map<CaseAction, CaseState>> table, CaseState from, CaseAction action, CaseState to) {
        table.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    /** The state after {@code action}, or empty when the table forbids it in {@code state}. */
    public static Optional<CaseState> next(CaseRole role, CaseState state, CaseAction action) {
        Map<CaseAction, CaseState> row = (role == CaseRole.JOINT ? JOINT_OPINION : REPLY).get(state);
        return Optional.ofNullable(row == null ? null : row.get(action));
    }

    public static boolean terminal(CaseState state) {
        return state == CONCLUDED || state == CLOSED_BY_REASSIGNMENT;
    }
}
