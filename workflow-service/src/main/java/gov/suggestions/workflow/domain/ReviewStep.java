package gov.suggestions.workflow.domain;

/**
 * One step of a unit's review chain (审核), and the role that decides it. The steps that belong to a person are
 * further narrowed to that person by HandlingCase.decideReview (NamedReviewer: leader in charge, department head, principal leader).
 * The suite's roles (deploy/docs/ARCHITECTURE.md, "Authorization") have no department head: the department head (处长) decides
 * with role unit-leader of the unit.
 */
public enum ReviewStep {
    DEPARTMENT_HEAD("unit-leader"),
    LEADER_IN_CHARGE("unit-leader"),
    PRINCIPAL_LEADER("unit-leader"),
    OFFICE_CHECK("unit-office");

    private final String role;

    ReviewStep(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
