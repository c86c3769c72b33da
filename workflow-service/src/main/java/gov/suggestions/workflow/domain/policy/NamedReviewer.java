package gov.suggestions.workflow.domain.policy;

import java.util.Optional;

import gov.suggestions.workflow.domain.Actor;
import gov.suggestions.workflow.domain.NotYoursException;
import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.domain.Text;

/**
 * A review step is decided by its role and, when a person is named for it (the leader in charge, the department head
 * named at distribution, the unit's principal leader), by that person only (403 otherwise: waiting does not help).
 */
public final class NamedReviewer {

    private NamedReviewer() {
    }

    /** @param person the person the step belongs to, when one is known; empty: the step's role decides */
    public static void check(ReviewStep step, Optional<String> person, Actor actor) {
        if (!actor.hasRole(step.role())) {
            throw new NotYoursException(Text.of("当前审核环节 " + step + " 须由角色 " + step.role() + " 决定",
                    "the current review step " + step + " is decided by role " + step.role()));
        }
        // an imported step was decided on the old platform by the step's actor (recorded as such); the person named
        // here has no say over the past
        if (person.isPresent() && !person.get().equals(actor.subject()) && !actor.imported()) {
            throw new NotYoursException(Text.of("当前审核环节 " + step + " 须由指定的 " + person.get() + " 本人决定",
                    "the current review step " + step + " is decided by " + person.get() + " in person"));
        }
    }
}
