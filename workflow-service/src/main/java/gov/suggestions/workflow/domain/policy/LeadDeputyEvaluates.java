package gov.suggestions.workflow.domain.policy;

import gov.suggestions.workflow.domain.Actor;
import gov.suggestions.workflow.domain.NotYoursException;
import gov.suggestions.workflow.domain.Text;

/**
 * The handling rules have "the deputy" evaluate the reply addressed to the lead deputy; co-signers (附议) follow the case
 * only (403). A deputy is (congress body, roster id): roster ids repeat between bodies.
 */
public final class LeadDeputyEvaluates {

    private LeadDeputyEvaluates() {
    }

    public static void check(String leadDeputyId, String congressBody, Actor actor) {
        if (!leadDeputyId.equals(actor.deputy()) || !congressBody.equals(actor.congressBody())) {
            throw new NotYoursException(Text.of("只有领衔代表可以评价答复,附议代表可查看办理情况",
                    "only the lead deputy evaluates the reply; co-signing deputies may follow the case"));
        }
    }
}
