package gov.suggestions.workflow.domain.policy;

import java.time.LocalDate;

import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.domain.Text;

/**
 * The deputy evaluates a reply within a window from the letter's date (30 days by default, {@code workflow.evaluation-window-days}):
 * no evaluation after it (the reply counts as not evaluated), no conclusion as not evaluated before it has ended.
 */
public record EvaluationWindow(LocalDate repliedOn, int days) {

    /** The last day of the window. */
    public LocalDate endsOn() {
        return repliedOn.plusDays(days);
    }

    /** 409 once the window has closed; it runs to the evaluation's own date, so a past reply evaluated in time is taken. */
    public void requireOpen(LocalDate evaluatedOn) {
        LocalDate ended = endsOn();
        if (evaluatedOn.isAfter(ended)) {
            throw new ConflictException(Text.of("评价期已于 " + ended + " 结束,该答复已记为尚未评价,不能再评价",
                    "the evaluation window closed on " + ended + "; the reply was recorded as not evaluated and can no longer be evaluated"));
        }
    }

    /** 409 while the deputy may still evaluate on {@code today}; then the conclusion is dated after the window. */
    public void requireEnded(LocalDate today, String field, LocalDate concludedOn) {
        LocalDate ends = endsOn();
        if (!today.isAfter(ends)) {
            throw new ConflictException(Text.of("代表评价期至 " + ends + " 止,期满前不能以未评价办结",
                    "the deputy may evaluate until " + ends + "; the case cannot be concluded as not evaluated before then"));
        }
        StepDays.notBefore(field, concludedOn, ends.plusDays(1), "代表评价期满次日", "the first day after the evaluation window");
    }
}
