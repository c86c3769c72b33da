package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Limits;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.AssistingOpinion;
import gov.suggestions.workflow.domain.CaseEvent;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.Commitment;
import gov.suggestions.workflow.domain.CommitmentProgress;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.Evaluation;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.JointOpinion;
import gov.suggestions.workflow.domain.ReplyDraft;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;
import gov.suggestions.workflow.domain.Transition;
import gov.suggestions.workflow.domain.policy.JointOpinionsAwaited;
import gov.suggestions.workflow.domain.policy.StepDays;
import gov.suggestions.workflow.repository.AssistingOpinionRepository;
import gov.suggestions.workflow.repository.CommitmentRepository;
import gov.suggestions.workflow.repository.CommunicationRepository;
import gov.suggestions.workflow.repository.EvaluationRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.JointOpinionRepository;
import gov.suggestions.workflow.repository.ReplyDraftRepository;
import gov.suggestions.workflow.repository.ReplyLetterRepository;

/**
 * The steps of a case through the HTTP API (and a case import): each loads the case (locked, at the version the caller
 * read), gathers the facts its rules need, lets {@link HandlingCase} check and take the step, stores what the step
 * produced (a letter, an opinion, an evaluation) and records it with {@link CaseRecorder}. The rules are the aggregate's.
 */
@ApplicationScoped
public class CaseSteps {

    private final CaseService reading;
    private final HandlingCaseRepository cases;
    private final CommunicationRepository communications;
    private final ReplyDraftRepository drafts;
    private final ReplyLetterRepository letters;
    private final JointOpinionRepository opinions;
    private final EvaluationRepository evaluations;
    private final CommitmentRepository commitments;
    private final AssistingOpinionRepository assisting;
    private final CaseRecorder recorder;
    private final PublicReplies publicReplies;
    private final WorkflowConfig config;
    private final StepDates dates;
    private final Clock clock;

    public CaseSteps(CaseService reading, HandlingCaseRepository cases, CommunicationRepository communications, ReplyDraftRepository drafts,
            ReplyLetterRepository letters, JointOpinionRepository opinions, EvaluationRepository evaluations, CommitmentRepository commitments,
            AssistingOpinionRepository assisting, CaseRecorder recorder, PublicReplies publicReplies, WorkflowConfig config, StepDates dates,
            Clock clock) {
        this.reading = reading;
        this.cases = cases;
        this.communications = communications;
        this.drafts = drafts;
        this.letters = letters;
        this.opinions = opinions;
        this.evaluations = evaluations;
        this.commitments = commitments;
        this.assisting = assisting;
        this.recorder = recorder;
        this.publicReplies = publicReplies;
        this.config = config;
        this.dates = dates;
        this.clock = clock;
    }

    public record DraftSaved(ReplyDraft draft, long caseVersion) {
    }

    /** @param expectedVersion the version the caller read (If-Match); null when it named none */
    @Transactional
    public CaseService.CaseDetails distribute(UUID id, Caller caller, long expectedVersion, CaseCommands.Distribute cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        var step = c.distribute(new HandlingCase.Distribution(cmd.leaderInCharge(), cmd.leaderInChargeId(), cmd.leadHandler(),
                cmd.leadHandlerId(), cmd.departmentHeadId(), cmd.undertakingDepartment(), cmd.assistingDepartments(), cmd.responsiblePerson(),
                cmd.internalDeadline(), cmd.distributedOn(), cmd.comment()), dates.now(), config.assistingOpinionMonths());
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    /** Saves a new draft version; no event (drafts are internal), but the history keeps what changed. */
    @Transactional
    public DraftSaved saveDraft(UUID id, Caller caller, long expectedVersion, CaseCommands.SaveDraft cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        List<CaseParts.Commitment> promised = cmd.commitments() == null ? List.of() : cmd.commitments();
        Optional<ReplyDraft> previous = drafts.latest(c.id);
        var step = c.saveDraft(cmd.category(), !promised.isEmpty(), previous.map(p -> p.version).orElse(0), Limits.DRAFTS_PER_CASE);
        ReplyDraft draft = new ReplyDraft();
        draft.id = UUID.randomUUID();
        draft.caseId = c.id;
        draft.version = previous.map(p -> p.version + 1).orElse(1);
        draft.round = c.round;
        draft.category = c.draftCategory(cmd.category());
        draft.content = cmd.content();
        draft.commitments = promised;
        draft.contacts = cmd.contacts() == null ? List.of() : cmd.contacts();
        draft.changes = changes(previous.orElse(null), draft);
        draft.createdBy = caller.subject();
        draft.createdAt = clock.instant();
        drafts.persist(draft);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("draftVersion", draft.version);
        details.put("contentSha256", sha256(draft.content));
        details.put("changedFields", draft.changes.stream().map(CaseParts.Change::field).toList());
        recorder.appendOnly(c, step, caller.subject(), details);
        cases.flush();
        return new DraftSaved(draft, c.version);
    }

    @Transactional
    public CaseService.CaseDetails submitDraft(UUID id, Caller caller, long expectedVersion, CaseCommands.Remark cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        List<JointOpinionsAwaited.JointUnit> jointUnits = c.role == CaseRole.LEAD
                ? reading.jointStatuses(c).stream().map(j -> new JointOpinionsAwaited.JointUnit(j.unitName(), j.dueOn(), j.opinion() != null)).toList()
                : List.of();
        var step = c.submitDraft(drafts.latest(c.id).orElse(null), reading.chain(c), communications.countInRound(c.id, c.round), jointUnits,
                dates.today(), cmd == null ? null : cmd.comment());
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    @Transactional
    public CaseService.CaseDetails decideReview(UUID id, Caller caller, long expectedVersion, CaseCommands.DecideReview cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        var step = c.decideReview(cmd.decision(), cmd.comment(), caller.actor(), reading.chain(c), config.principalLeaderOf(c.unitCode),
                drafts.latest(c.id).map(d -> d.version).orElse(null));
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    @Transactional
    public CaseService.CaseDetails issueReply(UUID id, Caller caller, long expectedVersion, CaseCommands.IssueReply cmd) {
        return issueReply(id, caller, expectedVersion, cmd, null);
    }

    /**
     * As {@link #issueReply(UUID, Caller, Long, CaseCommands.IssueReply)}; an imported reply keeps the old platform's
     * document number when it has one ({@code documentNumber}: 400 naming it when another letter has it), else it is
     * numbered like a live one.
     */
    @Transactional
    public CaseService.CaseDetails issueReply(UUID id, Caller caller, long expectedVersion, CaseCommands.IssueReply cmd, String documentNumber) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        short started = (short) (c.round - 1);
        LocalDate rehandlingEvaluatedOn = c.round > 1
                ? evaluations.ofCase(c.id).stream().filter(e -> e.round == started).findFirst().map(e -> e.evaluatedOn).orElse(null)
                : null;
        LocalDate issuedOn = c.replyDate(cmd.issuedOn(), reading.chain(c), rehandlingEvaluatedOn, communications.firstInRound(c.id, c.round),
                dates.now());
        ReplyDraft draft = drafts.latest(c.id).orElseThrow();
        // the sequence is the unit's of the letter's year (成文日期), not of the day it was entered
        if (documentNumber != null && letters.numbered(documentNumber)) {
            throw new InvalidFieldException("documentNumber", Text.of("文号 " + documentNumber + " 已被另一份答复函使用",
                    "document number " + documentNumber + " is already another letter's"));
        }
        ReplyLetter letter = new ReplyLetter();
        letter.id = UUID.randomUUID();
        letter.caseId = c.id;
        letter.round = c.round;
        letter.draftVersion = draft.version;
        letter.documentNumber = documentNumber != null ? documentNumber : nextDocumentNumber(c.unitCode, issuedOn.getYear());
        letter.category = draft.category;
        letter.content = draft.content;
        letter.commitments = draft.commitments;
        letter.contacts = draft.contacts;
        letter.disclosure = cmd.disclosure();
        letter.issuedOn = issuedOn;
        letter.issuedAt = clock.instant();
        letter.dueOn = c.dueOn;
        letter.onTime = c.onTime(issuedOn);
        letter.issuedBy = caller.subject();
        letters.persist(letter);
        publicReplies.publishIfPublic(c, letter);
        List<CaseParts.Commitment> promised = letter.commitments;
        for (CaseParts.Commitment measure : promised) {
            Commitment tracked = new Commitment();
            tracked.id = UUID.randomUUID();
            tracked.caseId = c.id;
            tracked.round = c.round;
            tracked.measure = measure.measure();
            tracked.owner = measure.owner();
            tracked.targetDate = measure.targetDate();
            tracked.createdAt = letter.issuedAt;
            commitments.persist(tracked);
        }
        var step = c.issueReply(letter, promised.stream().map(m -> new CaseEvent.Measure(m.measure(), m.owner(), m.targetDate())).toList(),
                cmd.comment());
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    @Transactional
    public CaseService.CaseDetails sendOpinion(UUID id, Caller caller, long expectedVersion, CaseCommands.SendOpinion cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        ReplyDraft draft = drafts.latest(c.id).orElse(null);
        var step = c.sendOpinion(cmd == null ? null : cmd.sentOn(), reading.chain(c), draft, dates.now(), cmd == null ? null : cmd.comment());
        JointOpinion opinion = new JointOpinion();
        opinion.id = UUID.randomUUID();
        opinion.caseId = c.id;
        opinion.suggestionId = c.suggestionId;
        opinion.unitCode = c.unitCode;
        opinion.unitName = c.unitName;
        opinion.content = draft.content;
        opinion.contacts = draft.contacts;
        opinion.sentAt = clock.instant();
        opinion.sentOn = step.event().sentOn();
        opinion.dueOn = c.dueOn;
        opinion.onTime = step.event().onTime();
        opinion.sentBy = caller.subject();
        opinions.persist(opinion);
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    /**
     * Only the deputy who leads the suggestion evaluates (co-signers see the case, 403 here), within the window
     * (409 once it closed: the reply counts as not evaluated); unsatisfied reopens the case once.
     */
    @Transactional
    public CaseService.CaseDetails evaluate(UUID id, Caller caller, long expectedVersion, CaseCommands.Evaluate cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        LocalDate repliedOn = letters.latest(c.id).map(l -> l.issuedOn).orElse(null);
        var step = c.evaluate(new HandlingCase.EvaluationGiven(cmd.result(), cmd.communicationRating(), cmd.resultRating(), cmd.comments(),
                cmd.evaluatedOn()), caller.actor(), repliedOn, config.evaluationWindowDays(), dates.now());
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.caseId = c.id;
        evaluation.round = c.round;
        evaluation.result = cmd.result();
        evaluation.comments = cmd.comments();
        evaluation.communicationRating = cmd.communicationRating();
        evaluation.resultRating = cmd.resultRating();
        evaluation.deputyId = caller.deputy();
        evaluation.evaluatedAt = clock.instant();
        evaluation.evaluatedOn = step.on();
        evaluations.persist(evaluation);
        recorder.record(c, step, caller.subject());
        c.rehandleIfUnsatisfied(step.on(), config.maxRehandlings(), config.rehandlingMonths())
                .ifPresent(rehandling -> recorder.record(c, rehandling, CaseOpening.SYSTEM_ACTOR));
        return reading.done(c);
    }

    @Transactional
    public CaseService.CaseDetails conclude(UUID id, Caller caller, long expectedVersion, CaseCommands.Conclude cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        // the day of what the conclusion follows, of the state the case is in
        LocalDate repliedOn = null;
        LocalDate lastEvaluatedOn = null;
        LocalDate opinionSentOn = null;
        switch (c.state) {
            case REPLIED -> repliedOn = letters.latest(c.id).map(l -> l.issuedOn).orElse(null);
            case EVALUATED -> lastEvaluatedOn = evaluations.ofCase(c.id).stream().reduce((a, b) -> b).map(e -> e.evaluatedOn).orElse(null);
            case OPINION_SENT -> opinionSentOn = opinions.ofCase(c.id).map(o -> o.sentOn).orElse(null);
            default -> {
            }
        }
        var step = c.conclude(cmd == null ? null : cmd.concludedOn(), cmd == null ? null : cmd.comment(), repliedOn, lastEvaluatedOn,
                opinionSentOn, config.evaluationWindowDays(), dates.now());
        recorder.record(c, step, caller.subject());
        return reading.done(c);
    }

    /** Progress on a commitment (落实情况), reported to the deputy as case.commitment-updated.v1; the case's state stays. */
    @Transactional
    public CaseService.TrackedCommitment reportProgress(UUID id, UUID commitmentId, Caller caller, String note, boolean fulfilled) {
        HandlingCase c = reading.visible(id, caller, true);
        Commitment tracked = commitments.ofCase(c.id, commitmentId).orElseThrow(() -> new NotFoundException(
                Text.of("没有承诺事项 " + commitmentId, "no commitment " + commitmentId)));
        var step = c.reportProgress(tracked, commitments.countProgress(tracked.id), Limits.PROGRESS_PER_COMMITMENT, fulfilled, note,
                dates.today());
        CommitmentProgress progress = new CommitmentProgress();
        progress.id = UUID.randomUUID();
        progress.commitmentId = tracked.id;
        progress.note = note;
        progress.fulfilled = fulfilled;
        progress.reportedBy = caller.subject();
        progress.reportedAt = clock.instant();
        commitments.persist(progress);
        recorder.record(c, step, caller.subject());
        return new CaseService.TrackedCommitment(tracked, commitments.progressOf(tracked.id));
    }

    /** An assisting department answers the undertaking department; once per department, while the case is being handled. */
    @Transactional
    public List<CaseService.AssistingStatus> submitAssistingOpinion(UUID id, Caller caller, String department, String content) {
        HandlingCase c = reading.visible(id, caller, true);
        var step = c.submitAssistingOpinion(department, c.assistingDepartmentNames(),
                assisting.ofCase(c.id).stream().anyMatch(o -> o.department.equals(department)));
        AssistingOpinion opinion = new AssistingOpinion();
        opinion.id = UUID.randomUUID();
        opinion.caseId = c.id;
        opinion.department = department;
        opinion.content = content;
        opinion.dueOn = c.assistingOpinionsDue;
        opinion.onTime = c.assistingOpinionOnTime(dates.today());
        opinion.submittedBy = caller.subject();
        opinion.submittedAt = clock.instant();
        assisting.persist(opinion);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("department", department);
        details.put("onTime", opinion.onTime);
        recorder.appendOnly(c, step, caller.subject(), details);
        return reading.assistingStatuses(c);
    }

    // ---- helpers

    /**
     * The next number of the unit's sequence of that year, passing over numbers an imported letter already has (kept as
     * the old platform gave them, they may be of the same form).
     */
    private String nextDocumentNumber(String unitCode, int year) {
        String number;
        do {
            number = config.documentNumber(unitCode, year, letters.nextDocumentSequence(unitCode, year));
        } while (letters.numbered(number));
        return number;
    }

    private List<CaseParts.Change> changes(ReplyDraft before, ReplyDraft after) {
        List<CaseParts.Change> changes = new ArrayList<>();
        if (before == null) {
            return changes;
        }
        if (before.category != after.category) {
            changes.add(new CaseParts.Change("category", before.category, after.category));
        }
        if (!before.content.equals(after.content)) {
            changes.add(new CaseParts.Change("content", before.content, after.content));
        }
        if (!before.commitments.equals(after.commitments)) {
            changes.add(new CaseParts.Change("commitments", before.commitments, after.commitments));
        }
        if (!before.contacts.equals(after.contacts)) {
            changes.add(new CaseParts.Change("contacts", before.contacts, after.contacts));
        }
        return changes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
