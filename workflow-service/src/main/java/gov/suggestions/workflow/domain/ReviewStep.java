package gov.suggestions.workflow.domain;

/** One step of a unit's review chain (审核), and the role that decides it. */
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
