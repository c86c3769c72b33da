package gov.suggestions.suggestion.service;

import java.util.Set;

/**
 * Who is calling, from the bearer token: roles and the congress body, unit or deputy the token
 * names. Every query that returns suggestions is narrowed by it.
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

    /** A congress office, or a system token narrowed to one body: acts for {@link #congressBody()} only. */
    public boolean isCongressOffice() {
        return hasRole(CONGRESS_OFFICE) && !hasRole(SYSTEM);
    }

    /** A unit's staff (office, leader, handler) without a wider role. */
    public boolean isUnitStaff() {
        return (hasRole(UNIT_OFFICE) || hasRole(UNIT_LEADER) || hasRole(HANDLER))
                && !hasRole(CONGRESS_OFFICE) && !hasRole(SYSTEM) && !hasRole(GOV_SUPERVISOR);
    }

    /** A congress office without {@code congress_body}, or a unit's staff without {@code unit}: sees nothing. */
    public boolean lacksScope() {
        return (isCongressOffice() && congressBody() == null) || (isUnitStaff() && unit() == null);
    }

    /**
     * Writes need the scope claim of the caller's role: a congress office without {@code congress_body} or a unit's
     * staff without {@code unit} may not change anything (403), as the authorization model says.
     */
    public void requireScope() {
        if (isCongressOffice() && congressBody() == null && !hasRole(PLATFORM_ADMIN)) {
            throw new AccessDeniedException(Text.of("您的令牌未指明人大(政协)机关", "Your token names no congress body"));
        }
        if (isUnitStaff() && unit() == null) {
            throw new AccessDeniedException(Text.of("您的令牌未指明承办单位", "Your token names no handling unit"));
        }
    }
}
