package gov.suggestions.workflow.domain;

/** The unit's role in handling a suggestion (交办): SOLE 单独办理, LEAD 主办, SEPARATE 分办, JOINT 会办. */
public enum CaseRole {
    SOLE, LEAD, SEPARATE, JOINT
}
