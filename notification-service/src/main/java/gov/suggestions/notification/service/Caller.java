package gov.suggestions.notification.service;

import java.util.Set;

/**
 * Who is calling, from the bearer token: roles and the congress body, unit or deputy the token
 * names. Every query is narrowed by it.
 */
public record Caller(String subject, Set<String> roles, String congressBody, String unit, String deputy) {

    public static final String CONGRESS_OFFICE = "congress-office";
    public static final String GOV_SUPERVISOR = "gov-supervisor";
    public static final String UNIT_OFFICE = "unit-office";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String HANDLER = "handler";
    public static final String DEPUTY = "deputy";
    public static final String SYSTEM = "system";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The unit a unit role's token names (unit-office, unit-leader, handler); null: the token lacks it. */
    public String unitScope() {
        return unit == null || unit.isBlank() ? null : unit;
    }

    /** The congress body the token names; null: the token lacks it. */
    public String bodyScope() {
        return congressBody == null || congressBody.isBlank() ? null : congressBody;
    }
}
