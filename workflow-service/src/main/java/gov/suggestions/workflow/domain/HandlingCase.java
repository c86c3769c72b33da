package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import gov.suggestions.workflow.domain.policy.CommunicateFirst;
import gov.suggestions.workflow.domain.policy.EvaluationWindow;
import gov.suggestions.workflow.domain.policy.JointOpinionsAwaited;
import gov.suggestions.workflow.domain.policy.KeySupervisedLead;
import gov.suggestions.workflow.domain.policy.LeadDeputyEvaluates;
import gov.suggestions.workflow.domain.policy.NamedReviewer;
import gov.suggestions.workflow.domain.policy.StepDays;

/**
 * One unit's handling of one suggestion (办理案件), with the suggestion's facts as the assignment carried them: the
 * aggregate whose step methods check CaseTransitions and the guards (domain.policy) and return what to record.
 * Over 400 lines because it is the whole handling in one place: its mapped fields (about 150 lines) and one short
 * method a step; splitting the steps out would scatter the handling rules again.
 */
@Entity
@Table(name = "handling_case")
public class HandlingCase {

    @Id
    public UUID id;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public short year;

    @Column(name = "supervision_level", nullable = false)
    public String supervisionLevel;

    @Column(nullable = false)
    public String priority;

    @Column(name = "lead_deputy_id", nullable = false)
    public String leadDeputyId;

    @Column(name = "lead_deputy_name", nullable = false)
    public String leadDeputyName;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(name = "assigned_on", nullable = false)
    public LocalDate assignedOn;

    /** The deadline in force: reply (or joint opinion) due, moved by re-handling. */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** 1 for the first handling, 2 after a re-handling. */
    @Column(nullable = false)
    public short round;

    @Column(name = "leader_in_charge")
    public String leaderInCharge;

    @Column(name = "lead_handler")
    public String leadHandler;

    /** Token subject of the leader in charge: decides the LEADER_IN_CHARGE review step. */
    @Column(name = "leader_in_charge_id")
    public String leaderInChargeId;

    /** Token subject of the leader leading the handling (局领导牵头), when one is named. */
    @Column(name = "lead_handler_id")
    public String leadHandlerId;

    /** Token subject of the undertaking department's head: when named, decides the DEPARTMENT_HEAD review step. */
    @Column(name = "department_head_id")
    public String departmentHeadId;

    @Column(name = "undertaking_department")
    public String undertakingDepartment;

    /** The assisting departments' names as distributed (a jsonb array); null before distribution. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "assisting_departments")
    public List<String> assistingDepartments;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    @Column(name = "internal_deadline")
    public LocalDate internalDeadline;

    /** The day of the distribution (分办) as the unit dated it; null before it. */
    @Column(name = "distributed_on")
    public LocalDate distributedOn;

    /** The day of the conclusion (办结) as the unit dated it; null before it. */
    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** When the assisting departments' written opinions are due (one month after distribution by default). */
    @Column(name = "assisting_opinions_due")
    public LocalDate assistingOpinionsDue;

    /** Index into the review chain of the step now deciding; null outside review. */
    @Column(name = "review_step")
    public Short reviewStep;

    @Column(name = "review_complete", nullable = false)
    public boolean reviewComplete;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_evaluation")
    public EvaluationResult lastEvaluation;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Length and head hash of the history as the service last wrote it: a verification also catches a cut-off tail. */
    @Column(name = "history_length", nullable = false)
    public int historyLength;

    @Column(name = "history_head")
    public String historyHead;

    @Version
    public long version;

    public boolean isKeySupervised() {
        return !"ORDINARY".equals(supervisionLevel);
    }

    // ---- the steps: each checks the transition table and its guards, changes the case and returns what it records.
    // Facts from elsewhere (counts, other cases, config, the day) come in as arguments: no repository, no clock.

    /** What the unit office names at distribution (分办). */
    public record Distribution(String leaderInCharge, String leaderInChargeId, String leadHandler, String leadHandlerId,
            String departmentHeadId, String undertakingDepartment, List<String> assistingDepartments, String responsiblePerson,
            LocalDate internalDeadline, LocalDate distributedOn, String comment) {
    }

    /** The case as suggestion-service assigned it: ASSIGNED, recorded as case.opened.v1. */
    public Transition<CaseEvent.CaseOpened> open(String comment, boolean imported) {
        state = CaseState.ASSIGNED;
        return new Transition<>(CaseAction.OPEN, null, state, comment, assignedOn,
                new CaseEvent.CaseOpened(title, unitName, supervisionLevel, priority, leadDeputyId, assignedOn, dueOn, imported));
    }

    /** The unit's part was reassigned to another unit; the case ends here. */
    public Transition<CaseEvent.Closed> closeByReassignment(String reason, LocalDate reassignedOn) {
        return move(CaseAction.CLOSE_BY_REASSIGNMENT, reason, null, new CaseEvent.Closed("REASSIGNED", reassignedOn));
    }

    /**
     * 分办: who handles the case and by when; the assisting departments' opinions are due {@code assistingOpinionMonths}
     * after it, and the assisting departments are kept as given.
     */
    public Transition<CaseEvent.CaseDistributed> distribute(Distribution d, StepDays days, int assistingOpinionMonths) {
        CaseState to = allowed(CaseAction.DISTRIBUTE);
        KeySupervisedLead.check(isKeySupervised(), d.leadHandler(), d.leadHandlerId());
        LocalDate on = days.dateOf("distributedOn", d.distributedOn());
        StepDays.notBefore("distributedOn", on, assignedOn, "交办", "the assignment");
        distributedOn = on;
        leaderInCharge = d.leaderInCharge();
        leaderInChargeId = d.leaderInChargeId();
        leadHandler = d.leadHandler();
        leadHandlerId = d.leadHandler() != null && !d.leadHandler().isBlank() ? d.leadHandlerId() : null;
        departmentHeadId = d.departmentHeadId() == null || d.departmentHeadId().isBlank() ? null : d.departmentHeadId();
        undertakingDepartment = d.undertakingDepartment();
        responsiblePerson = d.responsiblePerson();
        internalDeadline = d.internalDeadline();
        assistingOpinionsDue = on.plusMonths(assistingOpinionMonths);
        List<String> assisting = d.assistingDepartments() == null ? List.of() : d.assistingDepartments();
        assistingDepartments = assisting;
        return move(to, CaseAction.DISTRIBUTE, d.comment(), on, new CaseEvent.CaseDistributed(leaderInCharge, leadHandler, leaderInChargeId,
                leadHandlerId, departmentHeadId, undertakingDepartment, assisting, responsiblePerson, internalDeadline, on));
    }

    /** The assisting departments' names; none before distribution. */
    public List<String> assistingDepartmentNames() {
        return assistingDepartments == null ? List.of() : assistingDepartments;
    }

    /** A contact with the deputy (one communication may serve several cases: {@code sharedCaseCount}). */
    public record CommunicationHeld(UUID communicationId, CommunicationKind kind, Instant occurredAt, boolean leaderParticipated,
            int sharedCaseCount) {
    }

    /**
     * Records a communication with the deputy, at most {@code mostPerCase} a case, not dated before the assignment;
     * refusals name the case (a shared communication lists several).
     */
    public Transition<CaseEvent.CommunicationRecorded> recordCommunication(CommunicationHeld held, long communicationsSoFar, int mostPerCase,
            StepDays days) {
        CaseState to = CaseTransitions.next(role, state, CaseAction.RECORD_COMMUNICATION).orElseThrow(() -> new ConflictException(Text.of(
                "案件 " + number + "(" + unitName + "," + id + ")当前状态为 " + state + "(" + role + "),不能记录沟通",
                "case " + number + " (" + unitCode + ", " + id + ") is " + state + " (" + role
                        + "); a communication cannot be recorded for it now")));
        if (communicationsSoFar >= mostPerCase) {
            throw new ConflictException(Text.of(
                    "案件 " + number + "(" + unitName + "," + id + ")已记录 " + mostPerCase + " 次沟通,不能再记录",
                    "case " + number + " (" + unitCode + ", " + id + ") already has " + mostPerCase
                            + " communications, the most a case takes"));
        }
        LocalDate on = days.dayOf(held.occurredAt());
        StepDays.notBefore("occurredAt", on, assignedOn, "案件 " + number + " 的交办", "the assignment of case " + number);
        return move(to, CaseAction.RECORD_COMMUNICATION, null, on, new CaseEvent.CommunicationRecorded(held.communicationId(), held.kind(),
                held.occurredAt(), held.leaderParticipated(), round, held.sharedCaseCount()));
    }

    /**
     * A new version of the reply draft (or joint opinion), kept in the history only: a reply names its category, a
     * category B reply its commitments; at most {@code mostVersions} versions.
     */
    public Transition<CaseEvent> saveDraft(ResultCategory category, boolean commitmentsListed, int versionsSoFar, int mostVersions) {
        CaseState to = allowed(CaseAction.SAVE_DRAFT);
        if (role != CaseRole.JOINT && category == null) {
            throw new InvalidFieldException("category", Text.of("答复须注明答复类别", "a reply needs its result category"));
        }
        if (category == ResultCategory.B && !commitmentsListed) {
            throw new InvalidFieldException("commitments", Text.of("B 类答复须列明承诺措施和时限",
                    "a category B reply must list its commitments with target dates"));
        }
        if (versionsSoFar >= mostVersions) {
            throw new ConflictException(Text.of("案件已保存 " + mostVersions + " 个稿本,不能再保存",
                    "the case already has " + mostVersions + " draft versions, the most a case takes"));
        }
        return move(to, CaseAction.SAVE_DRAFT, null, null, null);
    }

    /** The draft's category as kept: a joint opinion has none. */
    public ResultCategory draftCategory(ResultCategory given) {
        return role == CaseRole.JOINT ? null : given;
    }

    /**
     * The latest draft goes to review, at the first step of {@code chain}: a reply once the deputy was communicated with in
     * this round, a LEAD unit's once the joint units answered or let their deadline pass.
     */
    public Transition<CaseEvent.DraftSubmitted> submitDraft(ReplyDraft latest, List<ReviewStep> chain, long communicationsThisRound,
            List<JointOpinionsAwaited.JointUnit> jointUnits, LocalDate today, String comment) {
        CaseState to = allowed(CaseAction.SUBMIT_DRAFT);
        CommunicateFirst.beforeSubmission(role, communicationsThisRound);
        if (role == CaseRole.LEAD) {
            JointOpinionsAwaited.check(jointUnits, today);
        }
        ReplyDraft draft = Objects.requireNonNull(latest, "a drafting case has a draft");
        reviewStep = 0;
        reviewComplete = false;
        return move(to, CaseAction.SUBMIT_DRAFT, comment, null, new CaseEvent.DraftSubmitted(draft.version, draft.category, round, chain.get(0)));
    }

    /**
     * The current review step decides: by its role and named person ({@link NamedReviewer}); a return needs comments.
     * An approval moves to the next step or completes the chain; a return sends the draft back.
     *
     * @param principalLeader the unit's configured principal leader, who decides a PRINCIPAL_LEADER step when named
     */
    public Transition<CaseEvent.ReviewDecided> decideReview(ReviewDecision decision, String comment, Actor actor, List<ReviewStep> chain,
            Optional<String> principalLeader, Integer draftVersion) {
        CaseAction action = decision == ReviewDecision.APPROVE ? CaseAction.APPROVE_REVIEW : CaseAction.RETURN_DRAFT;
        CaseState to = allowed(action);
        if (reviewComplete) {
            throw new ConflictException(Text.of("审核已全部通过,请出具答复", "the review chain is complete: issue the reply"));
        }
        ReviewStep step = chain.get(reviewStep);
        NamedReviewer.check(step, deciderOf(step, principalLeader), actor);
        if (decision == ReviewDecision.RETURN && (comment == null || comment.isBlank())) {
            throw new InvalidFieldException("comment", Text.of("退回修改须说明意见", "returning a draft needs comments"));
        }
        ReviewStep nextStep = null;
        if (decision == ReviewDecision.APPROVE) {
            reviewStep = (short) (reviewStep + 1);
            reviewComplete = reviewStep >= chain.size();
            nextStep = reviewComplete ? null : chain.get(reviewStep);
        } else {
            reviewStep = null;
        }
        return move(to, action, comment, null, new CaseEvent.ReviewDecided(step, decision, draftVersion, nextStep, reviewComplete));
    }

    /**
     * The person a review step belongs to, when one is known: the leader in charge named at distribution, the
     * department head when named there, the unit's configured principal leader. Empty: the step's role decides.
     */
    public Optional<String> deciderOf(ReviewStep step, Optional<String> principalLeader) {
        return switch (step) {
            case LEADER_IN_CHARGE -> Optional.ofNullable(leaderInChargeId);
            case DEPARTMENT_HEAD -> Optional.ofNullable(departmentHeadId);
            case PRINCIPAL_LEADER -> principalLeader;
            case OFFICE_CHECK -> Optional.empty();
        };
    }

    /**
     * Whether a reply may be issued now, and its date: the review complete, the letter dated after the distribution (and
     * after the evaluation that started a re-handling), the deputy communicated with first. The letter is issued by
     * {@link #issueReply} once the service has numbered it.
     *
     * @param rehandlingEvaluatedOn in a later round, the day of the evaluation that started it (null when unknown)
     */
    public LocalDate replyDate(LocalDate givenIssuedOn, List<ReviewStep> chain, LocalDate rehandlingEvaluatedOn,
            Optional<Instant> firstCommunicationThisRound, StepDays days) {
        allowed(CaseAction.ISSUE_REPLY);
        requireReviewComplete(chain);
        LocalDate issuedOn = days.dateOf("issuedOn", givenIssuedOn);
        StepDays.notBefore("issuedOn", issuedOn, distributedOn, "分办", "the distribution");
        if (round > 1) {
            StepDays.notBefore("issuedOn", issuedOn, rehandlingEvaluatedOn, "启动重新办理的评价", "the evaluation that started the re-handling");
        }
        CommunicateFirst.beforeReply(role, firstCommunicationThisRound, issuedOn, days);
        return issuedOn;
    }

    /** Whether a letter or opinion of that day meets the deadline in force. */
    public boolean onTime(LocalDate day) {
        return !day.isAfter(dueOn);
    }

    /** The reply letter issued (答复): the case waits for the deputy's evaluation; the review starts afresh next round. */
    public Transition<CaseEvent.Replied> issueReply(ReplyLetter letter, List<CaseEvent.Measure> commitments, String comment) {
        CaseState to = allowed(CaseAction.ISSUE_REPLY);
        reviewStep = null;
        reviewComplete = false;
        return move(to, CaseAction.ISSUE_REPLY, comment, letter.issuedOn, new CaseEvent.Replied(letter.documentNumber, letter.category,
                letter.disclosure, letter.issuedOn, letter.dueOn, letter.onTime, letter.round, commitments.size(), commitments));
    }

    /** A JOINT unit sends its opinion (会办意见) to the lead unit once its review is complete, dated after the distribution. */
    public Transition<CaseEvent.OpinionSent> sendOpinion(LocalDate givenSentOn, List<ReviewStep> chain, ReplyDraft latest, StepDays days,
            String comment) {
        CaseState to = allowed(CaseAction.SEND_OPINION);
        requireReviewComplete(chain);
        LocalDate sentOn = days.dateOf("sentOn", givenSentOn);
        StepDays.notBefore("sentOn", sentOn, distributedOn, "分办", "the distribution");
        ReplyDraft draft = Objects.requireNonNull(latest, "a case under review has a draft");
        reviewStep = null;
        reviewComplete = false;
        return move(to, CaseAction.SEND_OPINION, comment, sentOn, new CaseEvent.OpinionSent(draft.version, sentOn, dueOn, onTime(sentOn)));
    }

    /** The deputy's evaluation as given. */
    public record EvaluationGiven(EvaluationResult result, EvaluationResult communicationRating, EvaluationResult resultRating,
            String comments, LocalDate evaluatedOn) {
    }

    /**
     * The lead deputy evaluates the reply ({@link LeadDeputyEvaluates}), dated on or after the letter and within its
     * {@link EvaluationWindow}; an unsatisfied result may then start a re-handling ({@link #rehandleIfUnsatisfied}).
     *
     * @param repliedOn the day of the latest letter
     */
    public Transition<CaseEvent.Evaluated> evaluate(EvaluationGiven given, Actor actor, LocalDate repliedOn, int windowDays, StepDays days) {
        LeadDeputyEvaluates.check(leadDeputyId, congressBody, actor);
        CaseState to = allowed(CaseAction.EVALUATE);
        Objects.requireNonNull(repliedOn, "a replied case has a letter");
        LocalDate evaluatedOn = days.dateOf("evaluatedOn", given.evaluatedOn());
        StepDays.notBefore("evaluatedOn", evaluatedOn, repliedOn, "答复函成文", "the reply issued");
        new EvaluationWindow(repliedOn, windowDays).requireOpen(evaluatedOn);
        lastEvaluation = given.result();
        return move(to, CaseAction.EVALUATE, given.comments(), evaluatedOn, new CaseEvent.Evaluated(given.result(), given.communicationRating(),
                given.resultRating(), round, evaluatedOn));
    }

    /**
     * An unsatisfied evaluation reopens the case for another round (重新办理), at most {@code maxRehandlings} times, due
     * {@code rehandlingMonths} after the evaluation; empty otherwise.
     */
    public Optional<Transition<CaseEvent.RehandlingStarted>> rehandleIfUnsatisfied(LocalDate evaluatedOn, int maxRehandlings, int rehandlingMonths) {
        if (lastEvaluation != EvaluationResult.UNSATISFIED || round > maxRehandlings) {
            return Optional.empty();
        }
        CaseState to = allowed(CaseAction.START_REHANDLING);
        round = (short) (round + 1);
        dueOn = evaluatedOn.plusMonths(rehandlingMonths);
        return Optional.of(move(to, CaseAction.START_REHANDLING, "代表不满意,重新办理", evaluatedOn, new CaseEvent.RehandlingStarted(round, dueOn)));
    }

    /**
     * 办结, dated after what it concludes: a reply not evaluated only once its {@link EvaluationWindow} has ended (and then
     * dated after it), an evaluated one after the evaluation, a joint opinion after it was sent.
     *
     * @param repliedOn the latest letter's day (REPLIED)
     * @param lastEvaluatedOn the latest evaluation's day (EVALUATED), null when unknown
     * @param opinionSentOn the joint opinion's day (OPINION_SENT), null when unknown
     */
    public Transition<CaseEvent.Concluded> conclude(LocalDate givenConcludedOn, String comment, LocalDate repliedOn, LocalDate lastEvaluatedOn,
            LocalDate opinionSentOn, int windowDays, StepDays days) {
        CaseState to = allowed(CaseAction.CONCLUDE);
        LocalDate on = days.dateOf("concludedOn", givenConcludedOn);
        String evaluation = null;
        if (state == CaseState.REPLIED) {
            Objects.requireNonNull(repliedOn, "a replied case has a letter");
            StepDays.notBefore("concludedOn", on, repliedOn, "答复函成文", "the reply issued");
            // concluded as not evaluated: on a day after the window, not within it
            new EvaluationWindow(repliedOn, windowDays).requireEnded(days.today(), "concludedOn", on);
            evaluation = "NOT_EVALUATED";
        } else if (state == CaseState.EVALUATED) {
            StepDays.notBefore("concludedOn", on, lastEvaluatedOn, "代表评价", "the evaluation");
            evaluation = lastEvaluation.name();
        } else if (state == CaseState.OPINION_SENT) {
            StepDays.notBefore("concludedOn", on, opinionSentOn, "会办意见报送", "the joint opinion sent");
        }
        concludedOn = on;
        return move(to, CaseAction.CONCLUDE, comment, on, new CaseEvent.Concluded(evaluation, round, on));
    }

    /**
     * Progress on a commitment of the reply (落实情况), reported to the deputy; the case's state stays. A fulfilled
     * commitment takes no more, nor one with {@code mostReports} reports.
     */
    public Transition<CaseEvent.CommitmentUpdated> reportProgress(Commitment tracked, long reportsSoFar, int mostReports, boolean fulfilled,
            String note, LocalDate today) {
        if (tracked.fulfilledOn != null) {
            throw new ConflictException(Text.of("该承诺事项已于 " + tracked.fulfilledOn + " 落实", "the commitment was fulfilled on " + tracked.fulfilledOn));
        }
        if (reportsSoFar >= mostReports) {
            throw new ConflictException(Text.of("该承诺事项已报送 " + mostReports + " 次落实情况,不能再报送",
                    "the commitment already has " + mostReports + " progress reports, the most one takes"));
        }
        if (fulfilled) {
            tracked.fulfilledOn = today;
        }
        return new Transition<>(CaseAction.REPORT_COMMITMENT_PROGRESS, state, state, note, null, new CaseEvent.CommitmentUpdated(tracked.id,
                tracked.measure, tracked.owner, tracked.targetDate, fulfilled ? "FULFILLED" : "IN_PROGRESS", tracked.fulfilledOn));
    }

    /**
     * An assisting department answers the undertaking department (kept in the history only): once per department named
     * at distribution, while the case is being handled.
     *
     * @param named the assisting departments named at distribution
     */
    public Transition<CaseEvent> submitAssistingOpinion(String department, List<String> named, boolean alreadySent) {
        if (assistingOpinionsDue == null || CaseTransitions.terminal(state) || state == CaseState.REPLIED || state == CaseState.EVALUATED
                || state == CaseState.OPINION_SENT) {
            throw new ConflictException(Text.of("案件处于 " + state + " 状态,不接收协办意见",
                    "the case is " + state + "; assisting opinions are not taken now"));
        }
        if (!named.contains(department)) {
            throw new InvalidFieldException("department", Text.of("分办时未指定该协办处室", "this department was not named as assisting at distribution"));
        }
        if (alreadySent) {
            throw new ConflictException(Text.of(department + " 已提交协办意见", department + " has already sent its opinion"));
        }
        return new Transition<>(CaseAction.SUBMIT_ASSISTING_OPINION, state, state, null, null, null);
    }

    /** Whether an assisting opinion sent on {@code day} is on time. */
    public boolean assistingOpinionOnTime(LocalDate day) {
        return !day.isAfter(assistingOpinionsDue);
    }

    // ---- supervision: chasing and extensions, while the case owes a reply or an opinion

    /** The states in which a case owes a reply (or a joint opinion): reminders, chasing and extensions apply. */
    public static final List<CaseState> OWING = List.of(CaseState.ASSIGNED, CaseState.DISTRIBUTED, CaseState.COMMUNICATING,
            CaseState.DRAFTING, CaseState.UNDER_REVIEW, CaseState.REHANDLING);

    public boolean owes() {
        return OWING.contains(state);
    }

    /** 催办: only while something is owed (409 otherwise); the state stays. */
    public void requireChaseable() {
        if (!owes()) {
            throw new ConflictException(Text.of("案件处于 " + state + " 状态,已无待办事项可催办",
                    "the case is " + state + "; nothing is owed that could be chased"));
        }
    }

    /**
     * 延期申请 by the unit: while a deadline runs, for a later one than the deadline in force, one request at a time,
     * asked on a day not in the future and not before the assignment.
     *
     * @return the day it was asked
     */
    public LocalDate askExtension(LocalDate requestedDueOn, LocalDate givenRequestedOn, boolean pendingRequest, StepDays days) {
        if (!owes()) {
            throw new ConflictException(Text.of("案件处于 " + state + " 状态,已无待办期限", "the case is " + state + "; no deadline is running"));
        }
        LocalDate day = days.dateOf("requestedOn", givenRequestedOn);
        StepDays.notBefore("requestedOn", day, assignedOn, "交办", "the assignment");
        if (!requestedDueOn.isAfter(dueOn)) {
            throw new InvalidFieldException("requestedDueOn", Text.of("申请的期限须晚于现期限 " + dueOn,
                    "the requested deadline must be after the current one, " + dueOn));
        }
        if (pendingRequest) {
            throw new ConflictException(Text.of("已有待审批的延期申请", "an extension request is already waiting for a decision"));
        }
        return day;
    }

    /**
     * The congress office decides a pending request, on a day not before it was asked ({@code askedOn}); an approval
     * moves the deadline in force (reminders then follow the new one).
     *
     * @return the day of the decision
     */
    public LocalDate decideExtension(ExtensionRequest request, LocalDate askedOn, boolean approve, LocalDate givenDecidedOn, StepDays days) {
        if (!ExtensionRequest.PENDING.equals(request.status)) {
            throw new ConflictException(Text.of("该延期申请已于此前决定:" + request.status, "the request was already decided: " + request.status));
        }
        LocalDate day = days.dateOf("decidedOn", givenDecidedOn);
        StepDays.notBefore("decidedOn", day, askedOn, "延期申请", "the extension request");
        request.status = approve ? ExtensionRequest.APPROVED : ExtensionRequest.REJECTED;
        if (approve) {
            dueOn = request.requestedDueOn;
        }
        return day;
    }

    // ---- the table

    /** The state after {@code action}, or 409 when the transition table forbids it now. */
    public CaseState allowed(CaseAction action) {
        return CaseTransitions.next(role, state, action).orElseThrow(() -> new ConflictException(Text.of(
                "案件当前状态为 " + state + "(" + role + "),不允许 " + action,
                "the case is " + state + " (" + role + "); " + action + " is not allowed now")));
    }

    private void requireReviewComplete(List<ReviewStep> chain) {
        if (!reviewComplete) {
            ReviewStep waiting = chain.get(reviewStep == null ? 0 : reviewStep);
            throw new ConflictException(Text.of("审核尚未完成,等待环节 " + waiting, "the review is not complete: waiting for " + waiting));
        }
    }

    private <E extends CaseEvent> Transition<E> move(CaseAction action, String comment, LocalDate on, E event) {
        return move(allowed(action), action, comment, on, event);
    }

    private <E extends CaseEvent> Transition<E> move(CaseState to, CaseAction action, String comment, LocalDate on, E event) {
        CaseState from = state;
        state = to;
        return new Transition<>(action, from, to, comment, on, event);
    }
}
