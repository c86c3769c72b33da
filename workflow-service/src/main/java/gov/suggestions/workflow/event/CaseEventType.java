package gov.suggestions.workflow.event;

import gov.suggestions.workflow.domain.CaseEvent;

/**
 * The types published to topic {@code cases}; each is documented in the README and pinned by a golden file. Each is the type
 * of a typed event ({@link CaseEvent}): the steps of a case and the supervision notices.
 */
public final class CaseEventType {

    public static final String OPENED = CaseEvent.CaseOpened.TYPE;
    public static final String DISTRIBUTED = CaseEvent.CaseDistributed.TYPE;
    public static final String COMMUNICATION_RECORDED = CaseEvent.CommunicationRecorded.TYPE;
    public static final String DRAFT_SUBMITTED = CaseEvent.DraftSubmitted.TYPE;
    public static final String REVIEW_DECIDED = CaseEvent.ReviewDecided.TYPE;
    public static final String REPLIED = CaseEvent.Replied.TYPE;
    public static final String OPINION_SENT = CaseEvent.OpinionSent.TYPE;
    public static final String EVALUATED = CaseEvent.Evaluated.TYPE;
    public static final String REHANDLING_STARTED = CaseEvent.RehandlingStarted.TYPE;
    public static final String CONCLUDED = CaseEvent.Concluded.TYPE;
    public static final String CLOSED = CaseEvent.Closed.TYPE;
    public static final String COMMITMENT_UPDATED = CaseEvent.CommitmentUpdated.TYPE;
    public static final String DEADLINE_APPROACHING = CaseEvent.DeadlineApproaching.TYPE;
    public static final String OVERDUE = CaseEvent.Overdue.TYPE;
    public static final String CHASED = CaseEvent.Chased.TYPE;
    public static final String DEADLINE_EXTENDED = CaseEvent.DeadlineExtended.TYPE;
    public static final String EVALUATION_REMINDER = CaseEvent.EvaluationReminder.TYPE;
    public static final String EVALUATION_WINDOW_CLOSED = CaseEvent.EvaluationWindowClosed.TYPE;

    private CaseEventType() {
    }
}
