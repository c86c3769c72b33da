package gov.suggestions.workflow.domain;

/** The states of a handling case (workflow-service README, "The case and its state machine"); JOINT cases use a shorter path. */
public enum CaseState {
    ASSIGNED, DISTRIBUTED, COMMUNICATING, DRAFTING, UNDER_REVIEW, REPLIED, EVALUATED, REHANDLING, OPINION_SENT, CONCLUDED, CLOSED_BY_REASSIGNMENT
}
