package gov.suggestions.suggestion.service;

import java.util.Set;

import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.repository.SuggestionScope;

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

    /**
     * The suggestions this caller may see. A deputy sees what they proposed or co-signed in their own congress body (a
     * deputy is the pair congress body + roster id: ids repeat between bodies), a unit what was assigned to it, an
     * office its own congress body; a token naming a congress body narrows to it. A scope claim that is missing means
     * nothing is visible (no sentinel values in the query).
     */
    public SuggestionScope suggestionScope() {
        boolean staff = hasRole(CONGRESS_OFFICE) || hasRole(SYSTEM) || hasRole(GOV_SUPERVISOR);
        String ownDeputy = null;
        String ownUnit = null;
        if (hasRole(DEPUTY) && !staff) {
            if (deputy == null || congressBody == null) {
                return SuggestionScope.NOTHING;
            }
            ownDeputy = deputy;
        } else if (!staff) {
            // unit roles: only what was assigned to the caller's own unit
            if (unit == null) {
                return SuggestionScope.NOTHING;
            }
            ownUnit = unit;
        }
        if (congressBody == null && hasRole(CONGRESS_OFFICE) && !hasRole(SYSTEM)) {
            return SuggestionScope.NOTHING; // an office token without its congress body sees nothing
        }
        return SuggestionScope.of(congressBody, ownUnit, ownDeputy);
    }

    /**
     * The tenant the caller acts for, as one string: the token's congress body, unit and deputy claims, each
     * length-prefixed so no two different claim sets give the same text. Idempotency records are keyed by it (with
     * the subject), so a caller of another body or unit with the same subject never meets someone else's record.
     */
    public String tenantScope() {
        return "congress_body" + part(congressBody) + ";unit" + part(unit) + ";deputy" + part(deputy);
    }

    private static String part(String value) {
        return value == null ? "=-" : "=" + value.length() + ":" + value;
    }
}
