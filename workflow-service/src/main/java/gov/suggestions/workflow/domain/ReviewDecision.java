package gov.suggestions.workflow.domain;

/** What a review step decides: approve, or return the draft with comments (退回修改). */
public enum ReviewDecision {
    APPROVE, RETURN
}
