package gov.suggestions.workflow.domain;

/** Everything that can happen to a case; CaseTransitions says in which states each is allowed. */
public enum CaseAction {
    OPEN,
    DISTRIBUTE,
    RECORD_COMMUNICATION,
    SAVE_DRAFT,
    SUBMIT_DRAFT,
    APPROVE_REVIEW,
    RETURN_DRAFT,
    ISSUE_REPLY,
    SEND_OPINION,
    EVALUATE,
    START_REHANDLING,
    CONCLUDE,
    CLOSE_BY_REASSIGNMENT,
    /** Not a transition: progress on a commitment, recorded in the history in the case's current state. */
    REPORT_COMMITMENT_PROGRESS,
    /** Not a transition: an assisting department's internal opinion, recorded in the current state. */
    SUBMIT_ASSISTING_OPINION
}
