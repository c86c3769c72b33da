package gov.suggestions.workflow.domain.policy;

import java.time.Instant;
import java.util.Optional;

import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;

/**
 * 先沟通后答复: a reply (not a joint opinion, which goes to the lead unit) is discussed with the deputy first. Its draft
 * goes to review only once a communication of the round is recorded, and the letter may not be dated before the first.
 */
public final class CommunicateFirst {

    private CommunicateFirst() {
    }

    /** 409 when a reply's draft is submitted before any communication of the round. */
    public static void beforeSubmission(CaseRole role, long communicationsThisRound) {
        if (role != CaseRole.JOINT && communicationsThisRound == 0) {
            throw new ConflictException(Text.of("尚未记录与代表的沟通:先沟通后答复,答复稿不能提交审核",
                    "no communication with the deputy is recorded yet: communicate first, then reply"));
        }
    }

    /**
     * Only a communication dated on or before the letter counts: 400 on {@code issuedOn} when the round's first is later,
     * 409 when the round has none.
     */
    public static void beforeReply(CaseRole role, Optional<Instant> firstThisRound, java.time.LocalDate issuedOn, StepDays days) {
        if (role == CaseRole.JOINT) {
            return;
        }
        if (firstThisRound.isPresent() && !firstThisRound.get().isBefore(days.endOf(issuedOn))) {
            java.time.LocalDate first = days.dayOf(firstThisRound.get());
            throw new InvalidFieldException("issuedOn", Text.of("issuedOn " + issuedOn + " 早于本轮第一次与代表沟通的日期 " + first
                    + ",先沟通后答复", "issuedOn " + issuedOn + " is before the first communication with the deputy in this round on "
                    + first + ": communicate first, then reply"));
        }
        if (firstThisRound.isEmpty()) {
            throw new ConflictException(Text.of("尚未记录与代表的沟通:先沟通后答复", "no communication with the deputy is recorded yet: communicate first, then reply"));
        }
    }
}
