package gov.suggestions.workflow.event;

/** The types published to topic {@code cases}; each is documented in the README and pinned by a golden file. */
public final class CaseEventType {

    public static final String OPENED = "case.opened.v1";
    public static final String DISTRIBUTED = "case.distributed.v1";
    public static final String COMMUNICATION_RECORDED = "case.communication-recorded.v1";
    public static final String DRAFT_SUBMITTED = "case.draft-submitted.v1";
    public static final String REVIEW_DECIDED = "case.review-decided.v1";
    public static final String REPLIED = "case.replied.v1";
    public static final String OPINION_SENT = "case.opinion-sent.v1";
    public static final String EVALUATED = "case.evaluated.v1";
    public static final String REHANDLING_STARTED = "case.rehandling-started.v1";
    public static final String CONCLUDED = "case.concluded.v1";
    public static final String CLOSED = "case.closed.v1";
    public static final String COMMITMENT_UPDATED = "case.commitment-updated.v1";
    public static final String DEADLINE_APPROACHING = "case.deadline-approaching.v1";
    public static final String OVERDUE = "case.overdue.v1";
    public static final String CHASED = "case.chased.v1";
    public static final String DEADLINE_EXTENDED = "case.deadline-extended.v1";
    public static final String EVALUATION_REMINDER = "case.evaluation-reminder.v1";
    public static final String EVALUATION_WINDOW_CLOSED = "case.evaluation-window-closed.v1";

    private CaseEventType() {
    }
}
