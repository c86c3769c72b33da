package gov.suggestions.workflow.repository;

import java.util.Set;

/**
 * Whom a query is narrowed for: the roles and the congress body, unit and deputy a token names (the service's Caller,
 * as plain values). Role names as the tokens carry them.
 */
public record Viewer(Set<String> roles, String congressBody, String unit, String deputy) {

    public static final String CONGRESS_OFFICE = "congress-office";
    public static final String GOV_SUPERVISOR = "gov-supervisor";
    public static final String UNIT_OFFICE = "unit-office";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String HANDLER = "handler";
    public static final String DEPUTY = "deputy";
    public static final String SYSTEM = "system";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
