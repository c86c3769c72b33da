package gov.suggestions.workflow.domain;

import java.util.Set;

/**
 * Who takes a step, as the rules of a case need it: the token subject and roles, the deputy (congress body, roster id)
 * when the caller is one, and whether the step replays one of the old platform (a case import) rather than acting live.
 */
public record Actor(String subject, Set<String> roles, String congressBody, String deputy, boolean imported) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
