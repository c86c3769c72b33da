package gov.suggestions.workflow.domain;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a step of a case publishes as a {@code case.*} event: one record per type, holding the type's own fields in the
 * order they are published (after the common fields and the comment). The shapes are pinned by the golden files; a
 * field added or renamed here is a breaking change for consumers.
 */
public sealed interface CaseEvent {

    /** The published type, e.g. {@code case.distributed.v1}. */
    String type();

    /** The type's own fields by name, in declaration order: the history entry's details and the event's data. */
    default Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            try {
                details.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return details;
    }

    /** case.opened.v1; {@code imported} only appears when true (a case opened from the previous platform). */
    record CaseOpened(String title, String unitName, String supervisionLevel, String priority, String leadDeputyId,
            LocalDate assignedOn, LocalDate dueOn, boolean imported) implements CaseEvent {
        public static final String TYPE = "case.opened.v1";

        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = CaseEvent.super.details();
            if (!imported) {
                details.remove("imported");
            }
            return details;
        }
    }

    record CaseDistributed(String leaderInCharge, String leadHandler, String leaderInChargeId, String leadHandlerId,
            String departmentHeadId, String undertakingDepartment, List<String> assistingDepartments, String responsiblePerson,
            LocalDate internalDeadline, LocalDate distributedOn) implements CaseEvent {
        public static final String TYPE = "case.distributed.v1";

        public String type() {
            return TYPE;
        }
    }

    record CommunicationRecorded(UUID communicationId, CommunicationKind kind, Instant communicatedAt, boolean leaderParticipated,
            short round, int sharedCaseCount) implements CaseEvent {
        public static final String TYPE = "case.communication-recorded.v1";

        public String type() {
            return TYPE;
        }
    }

    record DraftSubmitted(int draftVersion, ResultCategory category, short round, ReviewStep reviewStep) implements CaseEvent {
        public static final String TYPE = "case.draft-submitted.v1";

        public String type() {
            return TYPE;
        }
    }

    /** {@code nextStep} is null once the chain is complete or the draft was returned. */
    record ReviewDecided(ReviewStep reviewStep, ReviewDecision decision, Integer draftVersion, ReviewStep nextStep,
            boolean reviewComplete) implements CaseEvent {
        public static final String TYPE = "case.review-decided.v1";

        public String type() {
            return TYPE;
        }
    }

    /** {@code commitments}: the measures as issued, for the annual summary's list of replied suggestions (may be empty). */
    record Replied(String documentNumber, ResultCategory category, Disclosure disclosure, LocalDate issuedOn, LocalDate dueOn,
            boolean onTime, short round, int commitmentCount, List<Measure> commitments) implements CaseEvent {
        public static final String TYPE = "case.replied.v1";

        public String type() {
            return TYPE;
        }
    }

    /** A measure promised in a reply, as published (the request's Commitment part, without its validation). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Measure(String measure, String owner, LocalDate targetDate) {
    }

    record OpinionSent(int draftVersion, LocalDate sentOn, LocalDate dueOn, boolean onTime) implements CaseEvent {
        public static final String TYPE = "case.opinion-sent.v1";

        public String type() {
            return TYPE;
        }
    }

    record Evaluated(EvaluationResult result, EvaluationResult communicationRating, EvaluationResult resultRating, short round,
            LocalDate evaluatedOn) implements CaseEvent {
        public static final String TYPE = "case.evaluated.v1";

        public String type() {
            return TYPE;
        }
    }

    record RehandlingStarted(short round, LocalDate dueOn) implements CaseEvent {
        public static final String TYPE = "case.rehandling-started.v1";

        public String type() {
            return TYPE;
        }
    }

    /** {@code evaluation}: the deputy's last result, NOT_EVALUATED after the window, null for a joint opinion. */
    record Concluded(String evaluation, short rounds, LocalDate concludedOn) implements CaseEvent {
        public static final String TYPE = "case.concluded.v1";

        public String type() {
            return TYPE;
        }
    }

    record Closed(String reason, LocalDate reassignedOn) implements CaseEvent {
        public static final String TYPE = "case.closed.v1";

        public String type() {
            return TYPE;
        }
    }

    /** {@code status}: FULFILLED or IN_PROGRESS. */
    record CommitmentUpdated(UUID commitmentId, String measure, String owner, LocalDate targetDate, String status,
            LocalDate fulfilledOn) implements CaseEvent {
        public static final String TYPE = "case.commitment-updated.v1";

        public String type() {
            return TYPE;
        }
    }

    // notices of the supervision job and of supervisors: published, but no step of the case (its state stays)

    /** A reminder {@code reminderDays} before the deadline in force ({@code deadline}: REPLY, REHANDLING_REPLY or JOINT_OPINION). */
    record DeadlineApproaching(String deadline, LocalDate dueOn, long daysLeft, int reminderDays, String leaderInCharge,
            String responsiblePerson) implements CaseEvent {
        public static final String TYPE = "case.deadline-approaching.v1";

        public String type() {
            return TYPE;
        }
    }

    /** The deadline in force passed; escalated to the unit office and the leader in charge. */
    record Overdue(String deadline, LocalDate dueOn, long daysOverdue, String leaderInCharge, List<String> escalatedTo) implements CaseEvent {
        public static final String TYPE = "case.overdue.v1";

        public String type() {
            return TYPE;
        }
    }

    /** 催办 by the congress office or the government supervision office ({@code chasedBy}: the role). */
    record Chased(String comment, LocalDate dueOn, String chasedBy) implements CaseEvent {
        public static final String TYPE = "case.chased.v1";

        public String type() {
            return TYPE;
        }
    }

    /** An approved extension: the deadline in force moves from {@code previousDueOn} to {@code dueOn}. */
    record DeadlineExtended(String comment, LocalDate previousDueOn, LocalDate dueOn, String requestedBy, String reason) implements CaseEvent {
        public static final String TYPE = "case.deadline-extended.v1";

        public String type() {
            return TYPE;
        }
    }

    /** The lead deputy has {@code daysLeft} days left to evaluate the reply. */
    record EvaluationReminder(short round, LocalDate repliedOn, LocalDate windowEndsOn, long daysLeft, String leadDeputyId) implements CaseEvent {
        public static final String TYPE = "case.evaluation-reminder.v1";

        public String type() {
            return TYPE;
        }
    }

    /** The evaluation window ended without an evaluation ({@code evaluation}: NOT_EVALUATED). */
    record EvaluationWindowClosed(short round, LocalDate repliedOn, LocalDate windowEndedOn, String evaluation, String leadDeputyId)
            implements CaseEvent {
        public static final String TYPE = "case.evaluation-window-closed.v1";

        public String type() {
            return TYPE;
        }
    }
}
