package gov.suggestions.workflow.domain;

/** The deputy's rating of a reply: 满意, 基本满意, 不满意. */
public enum EvaluationResult {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
