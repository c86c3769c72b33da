package gov.suggestions.workflow.service;

import java.util.Set;

import gov.suggestions.workflow.domain.Actor;
import gov.suggestions.workflow.repository.Viewer;

/**
 * Who is calling, from the bearer token: roles and the congress body, unit or deputy the token
 * names. Every query is narrowed by it. A deputy is the pair (congress body, roster id): roster ids repeat
 * between bodies, so a deputy's token without {@code congress_body} is refused before it gets here.
 */
public record Caller(String subject, Set<String> roles, String congressBody, String unit, String deputy, ImportedStep imported) {

    /** A caller from a token: acts live. */
    public Caller(String subject, Set<String> roles, String congressBody, String unit, String deputy) {
        this(subject, roles, congressBody, unit, deputy, null);
    }

    /**
     * The step of a case import a caller built for it runs (CaseImports): who imports ({@code by}, the migrator's token
     * subject), the old platform's record and the step's index in it, and who did the step there ({@code actor}).
     */
    public record ImportedStep(String by, String sourceRecord, int step, String actor) {
    }

    /** Whether this caller replays a step of the old platform rather than acting live. */
    public boolean isImport() {
        return imported != null;
    }

    public static final String CONGRESS_OFFICE = Viewer.CONGRESS_OFFICE;
    public static final String GOV_SUPERVISOR = Viewer.GOV_SUPERVISOR;
    public static final String UNIT_OFFICE = Viewer.UNIT_OFFICE;
    public static final String UNIT_LEADER = Viewer.UNIT_LEADER;
    public static final String HANDLER = Viewer.HANDLER;
    public static final String DEPUTY = Viewer.DEPUTY;
    public static final String SYSTEM = Viewer.SYSTEM;
    /** Imports a unit's past and in-flight cases with their steps (POST /api/v1/case-imports), for its congress body only. */
    public static final String DATA_MIGRATOR = "data-migrator";

    /** Whom the queries are narrowed for. */
    public Viewer scope() {
        return new Viewer(roles, congressBody, unit, deputy);
    }

    /** Who takes a step, as the case's rules see it. */
    public Actor actor() {
        return new Actor(subject, roles, congressBody, deputy, isImport());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A deputy token that does not name both its congress body and its roster id: refused on every operation. */
    public boolean isIncompleteDeputy() {
        return hasRole(DEPUTY) && (congressBody == null || deputy == null);
    }

    /**
     * Whether the token has the scope claims its roles need (supervisors and the system need none; a token with several
     * scoped roles needs the claim of each). A caller without them sees nothing: lists are empty, objects 404, and
     * writes are refused (403).
     */
    public boolean hasScope() {
        if (hasRole(GOV_SUPERVISOR) || hasRole(SYSTEM)) {
            return true;
        }
        boolean unitRole = hasRole(UNIT_OFFICE) || hasRole(UNIT_LEADER) || hasRole(HANDLER);
        if (!hasRole(CONGRESS_OFFICE) && !unitRole && !hasRole(DEPUTY) && !hasRole(DATA_MIGRATOR)) {
            return false;
        }
        return (!hasRole(CONGRESS_OFFICE) || congressBody != null) && (!hasRole(DATA_MIGRATOR) || congressBody != null) && (!unitRole || unit != null)
                && (!hasRole(DEPUTY) || congressBody != null && deputy != null);
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
