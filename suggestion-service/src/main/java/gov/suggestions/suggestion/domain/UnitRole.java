package gov.suggestions.suggestion.domain;

/** How a unit takes part: 单独办理, 主办, 分办, 会办. */
public enum UnitRole {
    /** The unit alone replies to the deputy. */
    SOLE,
    /** The unit replies after collecting the joint units' opinions. */
    LEAD,
    /** Several units each reply on their own part. */
    SEPARATE,
    /** The unit sends a written opinion to the lead unit, not to the deputy. */
    JOINT;

    public boolean repliesToDeputy() {
        return this != JOINT;
    }
}
