package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.NotYoursException;

import gov.suggestions.workflow.domain.RuleViolationException;

import gov.suggestions.workflow.domain.ConflictException;

import gov.suggestions.workflow.domain.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.CaseAction;
import gov.suggestions.workflow.domain.CaseEvent;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.CaseTransitions;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.Evaluation;
import gov.suggestions.workflow.domain.EvaluationResult;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.JointOpinion;
import gov.suggestions.workflow.domain.ReplyDraft;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ResultCategory;
import gov.suggestions.workflow.domain.ReviewDecision;
import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.repository.CommunicationRepository;
import gov.suggestions.workflow.repository.EvaluationRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.JointOpinionRepository;
import gov.suggestions.workflow.repository.ReplyDraftRepository;
import gov.suggestions.workflow.repository.ReplyLetterRepository;

/** The handling of a case through the HTTP API: every step checked against CaseTransitions and the rules. */
@ApplicationScoped
public class CaseService {

    private final HandlingCaseRepository cases;
    private final CommunicationRepository communications;
    private final ReplyDraftRepository drafts;
    private final ReplyLetterRepository letters;
    private final JointOpinionRepository opinions;
    private final EvaluationRepository evaluations;
    private final gov.suggestions.workflow.repository.CommitmentRepository commitments;
    private final gov.suggestions.workflow.repository.AssistingOpinionRepository assisting;
    private final CaseHistory history;
    private final CaseRecorder recorder;
    private final WorkflowConfig config;
    private final Json json;
    private final Clock clock;
    private final StepDates dates;
    private final PublicReplies publicReplies;

    public CaseService(StepDates dates, PublicReplies publicReplies, HandlingCaseRepository cases, CommunicationRepository communications, ReplyDraftRepository drafts,
            ReplyLetterRepository letters, JointOpinionRepository opinions, EvaluationRepository evaluations, CaseHistory history,
            CaseRecorder recorder, WorkflowConfig config, Json json, Clock clock,
            gov.suggestions.workflow.repository.CommitmentRepository commitments,
            gov.suggestions.workflow.repository.AssistingOpinionRepository assisting) {
        this.dates = dates;
        this.publicReplies = publicReplies;
        this.assisting = assisting;
        this.commitments = commitments;
        this.cases = cases;
        this.communications = communications;
        this.drafts = drafts;
        this.letters = letters;
        this.opinions = opinions;
        this.evaluations = evaluations;
        this.history = history;
        this.recorder = recorder;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    // ---- reading

    /** A case with what its page shows: review chain, the joint units' opinions (LEAD), letters and evaluations. */
    public record CaseDetails(HandlingCase handlingCase, List<ReviewStep> reviewChain, long communicationsThisRound,
            List<JointStatus> jointUnits, List<ReplyLetter> letters, List<Evaluation> evaluations,
            List<gov.suggestions.workflow.domain.ReplyPublication> publications) {
    }

    /** A JOINT unit's opinion as the LEAD case sees it, with its lateness. */
    public record JointStatus(String unitCode, String unitName, CaseState state, LocalDate dueOn, JointOpinion opinion,
            boolean late, long daysLate) {
    }

    public record DraftSaved(ReplyDraft draft, long caseVersion) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    @Transactional
    public CaseDetails get(UUID id, Caller caller) {
        return details(visible(id, caller, false));
    }

    @Transactional
    public Page<HandlingCase> list(Caller caller, CaseState state, UUID suggestionId, String unitCode, int page, int size) {
        HandlingCaseRepository.Selection selection = cases.listVisible(caller, state, suggestionId, unitCode);
        return new Page<>(cases.page(selection, page, size), cases.count(selection), page, size);
    }

    /** At most {@code limit} entries from {@code fromSeq} on, in order. */
    @Transactional
    public List<CaseHistoryEntry> history(UUID id, Caller caller, int fromSeq, int limit) {
        return history.of(visible(id, caller, false).id, fromSeq, limit);
    }

    /** Verifies the chain, and that its end is still where the service last wrote it (a cut-off tail). */
    @Transactional
    public CaseHistory.Verification verify(UUID id, Caller caller) {
        HandlingCase c = visible(id, caller, false);
        CaseHistory.Verification result = history.verify(c.id);
        if (result.valid() && (result.entries() != c.historyLength || !Objects.equals(result.headHash(), c.historyHead))) {
            int missing = Math.min(result.entries(), c.historyLength) + 1;
            return new CaseHistory.Verification(false, result.entries(), missing,
                    "the history ends at entry " + result.entries() + " but the case recorded " + c.historyLength + " entries", null);
        }
        return result;
    }

    @Transactional
    public List<CommunicationRepository.OfCase> communications(UUID id, Caller caller) {
        return communications.ofCase(visible(id, caller, false).id);
    }

    @Transactional
    public List<ReplyDraft> drafts(UUID id, Caller caller) {
        return drafts.ofCase(visible(id, caller, false).id);
    }

    /** The latest issued letter with its case, for the .docx. */
    @Transactional
    public Map.Entry<HandlingCase, ReplyLetter> latestLetter(UUID id, Caller caller) {
        HandlingCase c = visible(id, caller, false);
        ReplyLetter letter = letters.latest(c.id).orElseThrow(() -> new NotFoundException(
                Text.of("案件 " + id + " 尚未出具答复函", "case " + id + " has no reply letter yet")));
        return Map.entry(c, letter);
    }

    // ---- steps

    @Transactional
    public CaseDetails distribute(UUID id, Caller caller, String ifMatch, CaseCommands.Distribute cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.DISTRIBUTE);
        if (c.isKeySupervised() && (cmd.leadHandler() == null || cmd.leadHandler().isBlank())) {
            throw new RuleViolationException("leadHandler", Text.of("重点督办建议须由局领导牵头办理,请指定牵头领导",
                    "a key supervised suggestion must be led by a unit leader: name the lead handler"));
        }
        boolean leadHandlerNamed = cmd.leadHandler() != null && !cmd.leadHandler().isBlank();
        if (leadHandlerNamed != (cmd.leadHandlerId() != null && !cmd.leadHandlerId().isBlank())) {
            throw new RuleViolationException(leadHandlerNamed ? "leadHandlerId" : "leadHandler", Text.of("牵头领导须同时填写姓名和账号",
                    "the lead handler needs both a name and a person id"));
        }
        LocalDate distributedOn = dates.dateOf("distributedOn", cmd.distributedOn());
        dates.notBefore("distributedOn", distributedOn, c.assignedOn, "交办", "the assignment");
        c.distributedOn = distributedOn;
        c.leaderInCharge = cmd.leaderInCharge();
        c.leaderInChargeId = cmd.leaderInChargeId();
        c.leadHandler = cmd.leadHandler();
        c.leadHandlerId = leadHandlerNamed ? cmd.leadHandlerId() : null;
        c.departmentHeadId = cmd.departmentHeadId() == null || cmd.departmentHeadId().isBlank() ? null : cmd.departmentHeadId();
        c.undertakingDepartment = cmd.undertakingDepartment();
        c.assistingDepartments = json.write(cmd.assistingDepartments() == null ? List.of() : cmd.assistingDepartments());
        c.responsiblePerson = cmd.responsiblePerson();
        c.internalDeadline = cmd.internalDeadline();
        c.assistingOpinionsDue = distributedOn.plusMonths(config.assistingOpinionMonths());
        CaseEvent.CaseDistributed event = new CaseEvent.CaseDistributed(c.leaderInCharge, c.leadHandler, c.leaderInChargeId, c.leadHandlerId,
                c.departmentHeadId, c.undertakingDepartment, cmd.assistingDepartments() == null ? List.of() : cmd.assistingDepartments(),
                c.responsiblePerson, c.internalDeadline, distributedOn);
        recorder.record(c, CaseAction.DISTRIBUTE, to, caller.subject(), cmd.comment(), event, distributedOn);
        return done(c);
    }

    @Transactional
    public CaseDetails recordCommunication(UUID id, Caller caller, String ifMatch, CaseCommands.RecordCommunication cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        record(List.of(c), caller, cmd);
        return done(c);
    }

    /** A communication and the cases it served, as they are after it was recorded. */
    public record SharedCommunication(Communication communication, List<HandlingCase> cases) {
    }

    /**
     * One communication (e.g. a symposium) recorded once for several cases: every case must be visible to the
     * caller (404 naming the others) and allow it now (409 naming the first that does not); all or nothing.
     */
    @Transactional
    public SharedCommunication recordSharedCommunication(Caller caller, CaseCommands.RecordSharedCommunication cmd) {
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(cmd.caseIds());
        if (ids.size() != cmd.caseIds().size()) {
            throw new RuleViolationException("caseIds", Text.of("案件列表中有重复", "a case is listed more than once"));
        }
        List<HandlingCase> locked = cases.lockVisible(ids, caller);
        if (locked.size() != ids.size()) {
            java.util.Set<UUID> missing = new java.util.LinkedHashSet<>(ids);
            locked.forEach(c -> missing.remove(c.id));
            String names = missing.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(", "));
            throw new NotFoundException(Text.of("没有您可查看的案件 " + names, "no case " + names + " visible to you"));
        }
        Map<UUID, HandlingCase> byId = new LinkedHashMap<>();
        locked.forEach(c -> byId.put(c.id, c));
        List<HandlingCase> inOrder = ids.stream().map(byId::get).toList();
        Communication comm = record(inOrder, caller, cmd.communication());
        cases.flush();
        return new SharedCommunication(comm, inOrder);
    }

    /** Checks every case first, then records the communication once and links it to each (own history entry and event). */
    private Communication record(List<HandlingCase> served, Caller caller, CaseCommands.RecordCommunication cmd) {
        // a communication is recorded after it took place: one dated later than now would count for the "communicate
        // first" gate while the reports, which count only what preceded the reply, leave it out
        dates.notInFuture("occurredAt", cmd.occurredAt().toInstant());
        LocalDate communicatedOn = dates.dayOf(cmd.occurredAt().toInstant());
        Map<HandlingCase, CaseState> targets = new LinkedHashMap<>();
        for (HandlingCase c : served) {
            CaseState to = CaseTransitions.next(c.role, c.state, CaseAction.RECORD_COMMUNICATION).orElseThrow(() -> new ConflictException(Text.of(
                    "案件 " + c.number + "(" + c.unitName + "," + c.id + ")当前状态为 " + c.state + "(" + c.role + "),不能记录沟通",
                    "case " + c.number + " (" + c.unitCode + ", " + c.id + ") is " + c.state + " (" + c.role
                            + "); a communication cannot be recorded for it now")));
            if (communications.countOfCase(c.id) >= Limits.COMMUNICATIONS_PER_CASE) {
                throw new ConflictException(Text.of(
                        "案件 " + c.number + "(" + c.unitName + "," + c.id + ")已记录 " + Limits.COMMUNICATIONS_PER_CASE + " 次沟通,不能再记录",
                        "case " + c.number + " (" + c.unitCode + ", " + c.id + ") already has " + Limits.COMMUNICATIONS_PER_CASE
                                + " communications, the most a case takes"));
            }
            dates.notBefore("occurredAt", communicatedOn, c.assignedOn, "案件 " + c.number + " 的交办", "the assignment of case " + c.number);
            targets.put(c, to);
        }
        Communication comm = new Communication();
        comm.id = UUID.randomUUID();
        comm.kind = cmd.kind();
        comm.occurredAt = cmd.occurredAt().toInstant();
        comm.participants = json.write(cmd.participants());
        comm.summary = cmd.summary();
        comm.deputyViews = cmd.deputyViews();
        comm.recordedBy = caller.subject();
        comm.recordedAt = clock.instant();
        comm.sharedCaseCount = (short) served.size();
        communications.persist(comm);
        boolean leaderParticipated = cmd.participants().stream().anyMatch(CaseParts.Participant::leader);
        targets.forEach((c, to) -> {
            communications.link(comm, c.id, c.round);
            recorder.record(c, CaseAction.RECORD_COMMUNICATION, to, caller.subject(), null, new CaseEvent.CommunicationRecorded(comm.id,
                    comm.kind, comm.occurredAt, leaderParticipated, c.round, served.size()), communicatedOn);
        });
        return comm;
    }

    /** Saves a new draft version; no event (drafts are internal), but the history keeps what changed. */
    @Transactional
    public DraftSaved saveDraft(UUID id, Caller caller, String ifMatch, CaseCommands.SaveDraft cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.SAVE_DRAFT);
        if (c.role != CaseRole.JOINT && cmd.category() == null) {
            throw new RuleViolationException("category", Text.of("答复须注明答复类别", "a reply needs its result category"));
        }
        List<CaseParts.Commitment> commitments = cmd.commitments() == null ? List.of() : cmd.commitments();
        if (cmd.category() == ResultCategory.B && commitments.isEmpty()) {
            throw new RuleViolationException("commitments", Text.of("B 类答复须列明承诺措施和时限",
                    "a category B reply must list its commitments with target dates"));
        }
        List<CaseParts.Contact> contacts = cmd.contacts() == null ? List.of() : cmd.contacts();
        Optional<ReplyDraft> previous = drafts.latest(c.id);
        if (previous.isPresent() && previous.get().version >= Limits.DRAFTS_PER_CASE) {
            throw new ConflictException(Text.of("案件已保存 " + Limits.DRAFTS_PER_CASE + " 个稿本,不能再保存",
                    "the case already has " + Limits.DRAFTS_PER_CASE + " draft versions, the most a case takes"));
        }
        ReplyDraft draft = new ReplyDraft();
        draft.id = UUID.randomUUID();
        draft.caseId = c.id;
        draft.version = previous.map(p -> p.version + 1).orElse(1);
        draft.round = c.round;
        draft.category = c.role == CaseRole.JOINT ? null : cmd.category();
        draft.content = cmd.content();
        draft.commitments = json.write(commitments);
        draft.contacts = json.write(contacts);
        draft.changes = json.write(changes(previous.orElse(null), draft));
        draft.createdBy = caller.subject();
        draft.createdAt = clock.instant();
        drafts.persist(draft);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("draftVersion", draft.version);
        details.put("contentSha256", sha256(draft.content));
        details.put("changedFields", json.list(draft.changes, CaseParts.Change.class).stream().map(CaseParts.Change::field).toList());
        appendOnly(c, CaseAction.SAVE_DRAFT, to, caller.subject(), details);
        cases.flush();
        return new DraftSaved(draft, c.version);
    }

    @Transactional
    public CaseDetails submitDraft(UUID id, Caller caller, String ifMatch, CaseCommands.Remark cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.SUBMIT_DRAFT);
        if (c.role != CaseRole.JOINT && communications.countInRound(c.id, c.round) == 0) {
            throw new ConflictException(Text.of("尚未记录与代表的沟通:先沟通后答复,答复稿不能提交审核",
                    "no communication with the deputy is recorded yet: communicate first, then reply"));
        }
        if (c.role == CaseRole.LEAD) {
            List<String> waiting = jointStatuses(c).stream()
                    .filter(j -> j.opinion() == null && !today().isAfter(j.dueOn()))
                    .map(JointStatus::unitName).toList();
            if (!waiting.isEmpty()) {
                throw new ConflictException(Text.of("会办单位尚未反馈意见且未超过期限:" + String.join("、", waiting),
                        "joint units have not sent their opinion and their deadline has not passed: " + String.join(", ", waiting)));
            }
        }
        ReplyDraft draft = drafts.latest(c.id).orElseThrow();
        c.reviewStep = 0;
        c.reviewComplete = false;
        recorder.record(c, CaseAction.SUBMIT_DRAFT, to, caller.subject(), cmd == null ? null : cmd.comment(),
                new CaseEvent.DraftSubmitted(draft.version, draft.category, c.round, chain(c).get(0)), null);
        return done(c);
    }

    @Transactional
    public CaseDetails decideReview(UUID id, Caller caller, String ifMatch, CaseCommands.DecideReview cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseAction action = cmd.decision() == ReviewDecision.APPROVE ? CaseAction.APPROVE_REVIEW : CaseAction.RETURN_DRAFT;
        CaseState to = allowed(c, action);
        List<ReviewStep> chain = chain(c);
        if (c.reviewComplete) {
            throw new ConflictException(Text.of("审核已全部通过,请出具答复", "the review chain is complete: issue the reply"));
        }
        ReviewStep step = chain.get(c.reviewStep);
        if (!caller.hasRole(step.role())) {
            throw new NotYoursException(Text.of("当前审核环节 " + step + " 须由角色 " + step.role() + " 决定",
                    "the current review step " + step + " is decided by role " + step.role()));
        }
        Optional<String> person = deciderOf(c, step);
        // an imported step was decided on the old platform by the step's actor (recorded as such); the person named
        // here has no say over the past
        if (person.isPresent() && !person.get().equals(caller.subject()) && !caller.isImport()) {
            throw new NotYoursException(Text.of("当前审核环节 " + step + " 须由指定的 " + person.get() + " 本人决定",
                    "the current review step " + step + " is decided by " + person.get() + " in person"));
        }
        if (cmd.decision() == ReviewDecision.RETURN && (cmd.comment() == null || cmd.comment().isBlank())) {
            throw new RuleViolationException("comment", Text.of("退回修改须说明意见", "returning a draft needs comments"));
        }
        Integer draftVersion = drafts.latest(c.id).map(d -> d.version).orElse(null);
        ReviewStep nextStep = null;
        if (cmd.decision() == ReviewDecision.APPROVE) {
            c.reviewStep = (short) (c.reviewStep + 1);
            c.reviewComplete = c.reviewStep >= chain.size();
            nextStep = c.reviewComplete ? null : chain.get(c.reviewStep);
        } else {
            c.reviewStep = null;
        }
        recorder.record(c, action, to, caller.subject(), cmd.comment(),
                new CaseEvent.ReviewDecided(step, cmd.decision(), draftVersion, nextStep, c.reviewComplete), null);
        return done(c);
    }

    @Transactional
    public CaseDetails issueReply(UUID id, Caller caller, String ifMatch, CaseCommands.IssueReply cmd) {
        return issueReply(id, caller, ifMatch, cmd, null);
    }

    /**
     * As {@link #issueReply(UUID, Caller, String, CaseCommands.IssueReply)}; an imported reply keeps the old platform's
     * document number when it has one ({@code documentNumber}: 400 naming it when another letter has it), else it is
     * numbered like a live one.
     */
    @Transactional
    public CaseDetails issueReply(UUID id, Caller caller, String ifMatch, CaseCommands.IssueReply cmd, String documentNumber) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.ISSUE_REPLY);
        requireReviewComplete(c);
        ReplyDraft draft = drafts.latest(c.id).orElseThrow();
        LocalDate issuedOn = dates.dateOf("issuedOn", cmd.issuedOn());
        dates.notBefore("issuedOn", issuedOn, c.distributedOn, "分办", "the distribution");
        if (c.round > 1) {
            short started = (short) (c.round - 1);
            evaluations.ofCase(c.id).stream().filter(e -> e.round == started).findFirst().ifPresent(e -> dates.notBefore("issuedOn", issuedOn,
                    e.evaluatedOn, "启动重新办理的评价", "the evaluation that started the re-handling"));
        }
        if (c.role != CaseRole.JOINT) {
            // 先沟通后答复: only a communication dated on or before the letter counts
            Optional<java.time.Instant> first = communications.firstInRound(c.id, c.round);
            if (first.isPresent() && !first.get().isBefore(dates.endOf(issuedOn))) {
                throw new RuleViolationException("issuedOn", Text.of("issuedOn " + issuedOn + " 早于本轮第一次与代表沟通的日期 " + dates.dayOf(first.get())
                        + ",先沟通后答复", "issuedOn " + issuedOn + " is before the first communication with the deputy in this round on "
                        + dates.dayOf(first.get()) + ": communicate first, then reply"));
            }
            if (first.isEmpty()) {
                throw new ConflictException(Text.of("尚未记录与代表的沟通:先沟通后答复", "no communication with the deputy is recorded yet: communicate first, then reply"));
            }
        }
        ReplyLetter letter = new ReplyLetter();
        letter.id = UUID.randomUUID();
        letter.caseId = c.id;
        letter.round = c.round;
        letter.draftVersion = draft.version;
        // the sequence is the unit's of the letter's year (成文日期), not of the day it was entered
        if (documentNumber != null && letters.numbered(documentNumber)) {
            throw new RuleViolationException("documentNumber", Text.of("文号 " + documentNumber + " 已被另一份答复函使用",
                    "document number " + documentNumber + " is already another letter's"));
        }
        letter.documentNumber = documentNumber != null ? documentNumber : nextDocumentNumber(c.unitCode, issuedOn.getYear());
        letter.category = draft.category;
        letter.content = draft.content;
        letter.commitments = draft.commitments;
        letter.contacts = draft.contacts;
        letter.disclosure = cmd.disclosure();
        letter.issuedOn = issuedOn;
        letter.issuedAt = clock.instant();
        letter.dueOn = c.dueOn;
        letter.onTime = !issuedOn.isAfter(c.dueOn);
        letter.issuedBy = caller.subject();
        letters.persist(letter);
        publicReplies.publishIfPublic(c, letter);
        for (CaseParts.Commitment promised : json.list(letter.commitments, CaseParts.Commitment.class)) {
            gov.suggestions.workflow.domain.Commitment tracked = new gov.suggestions.workflow.domain.Commitment();
            tracked.id = UUID.randomUUID();
            tracked.caseId = c.id;
            tracked.round = c.round;
            tracked.measure = promised.measure();
            tracked.owner = promised.owner();
            tracked.targetDate = promised.targetDate();
            tracked.createdAt = letter.issuedAt;
            commitments.persist(tracked);
        }
        c.reviewStep = null;
        c.reviewComplete = false;
        List<CaseEvent.Measure> issued = json.list(letter.commitments, CaseParts.Commitment.class).stream()
                .map(m -> new CaseEvent.Measure(m.measure(), m.owner(), m.targetDate())).toList();
        recorder.record(c, CaseAction.ISSUE_REPLY, to, caller.subject(), cmd.comment(), new CaseEvent.Replied(letter.documentNumber,
                letter.category, letter.disclosure, letter.issuedOn, letter.dueOn, letter.onTime, letter.round, issued.size(), issued), issuedOn);
        return done(c);
    }

    @Transactional
    public CaseDetails sendOpinion(UUID id, Caller caller, String ifMatch, CaseCommands.SendOpinion cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.SEND_OPINION);
        requireReviewComplete(c);
        LocalDate sentOn = dates.dateOf("sentOn", cmd == null ? null : cmd.sentOn());
        dates.notBefore("sentOn", sentOn, c.distributedOn, "分办", "the distribution");
        ReplyDraft draft = drafts.latest(c.id).orElseThrow();
        JointOpinion opinion = new JointOpinion();
        opinion.id = UUID.randomUUID();
        opinion.caseId = c.id;
        opinion.suggestionId = c.suggestionId;
        opinion.unitCode = c.unitCode;
        opinion.unitName = c.unitName;
        opinion.content = draft.content;
        opinion.contacts = draft.contacts;
        opinion.sentAt = clock.instant();
        opinion.sentOn = sentOn;
        opinion.dueOn = c.dueOn;
        opinion.onTime = !sentOn.isAfter(c.dueOn);
        opinion.sentBy = caller.subject();
        opinions.persist(opinion);
        c.reviewStep = null;
        c.reviewComplete = false;
        recorder.record(c, CaseAction.SEND_OPINION, to, caller.subject(), cmd == null ? null : cmd.comment(),
                new CaseEvent.OpinionSent(draft.version, sentOn, c.dueOn, opinion.onTime), sentOn);
        return done(c);
    }

    /**
     * Only the deputy who leads the suggestion evaluates (co-signers see the case, 403 here), within the window
     * (409 once it closed: the reply counts as not evaluated); unsatisfied reopens the case once.
     */
    @Transactional
    public CaseDetails evaluate(UUID id, Caller caller, String ifMatch, CaseCommands.Evaluate cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        // the handling rules have "the deputy" evaluate the reply addressed to the lead deputy; co-signers (附议) follow the case only.
        // A deputy is (congress body, roster id): the query above already matched the body; checked again here
        if (!c.leadDeputyId.equals(caller.deputy()) || !c.congressBody.equals(caller.congressBody())) {
            throw new NotYoursException(Text.of("只有领衔代表可以评价答复,附议代表可查看办理情况",
                    "only the lead deputy evaluates the reply; co-signing deputies may follow the case"));
        }
        CaseState to = allowed(c, CaseAction.EVALUATE);
        ReplyLetter replied = letters.latest(c.id).orElseThrow();
        LocalDate evaluatedOn = dates.dateOf("evaluatedOn", cmd.evaluatedOn());
        dates.notBefore("evaluatedOn", evaluatedOn, replied.issuedOn, "答复函成文", "the reply issued");
        // the window runs from the letter's real date to the evaluation's: a reply of years ago evaluated within its window is taken
        LocalDate windowEnded = replied.issuedOn.plusDays(config.evaluationWindowDays());
        if (evaluatedOn.isAfter(windowEnded)) {
            throw new ConflictException(Text.of("评价期已于 " + windowEnded + " 结束,该答复已记为尚未评价,不能再评价",
                    "the evaluation window closed on " + windowEnded + "; the reply was recorded as not evaluated and can no longer be evaluated"));
        }
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
        evaluation.evaluatedOn = evaluatedOn;
        evaluations.persist(evaluation);
        c.lastEvaluation = cmd.result();
        recorder.record(c, CaseAction.EVALUATE, to, caller.subject(), cmd.comments(), new CaseEvent.Evaluated(cmd.result(),
                cmd.communicationRating(), cmd.resultRating(), c.round, evaluatedOn), evaluatedOn);
        if (cmd.result() == EvaluationResult.UNSATISFIED && c.round <= config.maxRehandlings()) {
            c.round = (short) (c.round + 1);
            c.dueOn = evaluatedOn.plusMonths(config.rehandlingMonths());
            recorder.record(c, CaseAction.START_REHANDLING, CaseTransitions.next(c.role, c.state, CaseAction.START_REHANDLING).orElseThrow(),
                    CaseOpening.SYSTEM_ACTOR, "代表不满意,重新办理", new CaseEvent.RehandlingStarted(c.round, c.dueOn), evaluatedOn);
        }
        return done(c);
    }

    @Transactional
    public CaseDetails conclude(UUID id, Caller caller, String ifMatch, CaseCommands.Conclude cmd) {
        HandlingCase c = forUpdate(id, caller, ifMatch);
        CaseState to = allowed(c, CaseAction.CONCLUDE);
        LocalDate concludedOn = dates.dateOf("concludedOn", cmd == null ? null : cmd.concludedOn());
        String evaluation = null;
        if (c.state == CaseState.REPLIED) {
            ReplyLetter letter = letters.latest(c.id).orElseThrow();
            dates.notBefore("concludedOn", concludedOn, letter.issuedOn, "答复函成文", "the reply issued");
            LocalDate windowEnds = letter.issuedOn.plusDays(config.evaluationWindowDays());
            if (!today().isAfter(windowEnds)) {
                throw new ConflictException(Text.of("代表评价期至 " + windowEnds + " 止,期满前不能以未评价办结",
                        "the deputy may evaluate until " + windowEnds + "; the case cannot be concluded as not evaluated before then"));
            }
            // concluded as not evaluated: on a day after the window, not within it
            dates.notBefore("concludedOn", concludedOn, windowEnds.plusDays(1), "代表评价期满次日", "the first day after the evaluation window");
            evaluation = "NOT_EVALUATED";
        } else if (c.state == CaseState.EVALUATED) {
            evaluations.ofCase(c.id).stream().reduce((a, b) -> b).ifPresent(e -> dates.notBefore("concludedOn", concludedOn, e.evaluatedOn,
                    "代表评价", "the evaluation"));
            evaluation = c.lastEvaluation.name();
        } else if (c.state == CaseState.OPINION_SENT) {
            opinions.ofCase(c.id).ifPresent(o -> dates.notBefore("concludedOn", concludedOn, o.sentOn, "会办意见报送", "the joint opinion sent"));
        }
        c.concludedOn = concludedOn;
        recorder.record(c, CaseAction.CONCLUDE, to, caller.subject(), cmd == null ? null : cmd.comment(),
                new CaseEvent.Concluded(evaluation, c.round, concludedOn), concludedOn);
        return done(c);
    }

    /** A commitment with its progress reports. */
    public record TrackedCommitment(gov.suggestions.workflow.domain.Commitment commitment,
            List<gov.suggestions.workflow.domain.CommitmentProgress> progress) {
    }

    @Transactional
    public List<TrackedCommitment> commitments(UUID id, Caller caller) {
        HandlingCase c = visible(id, caller, false);
        return commitments.ofCase(c.id).stream().map(t -> new TrackedCommitment(t, commitments.progressOf(t.id))).toList();
    }

    /** Progress on a commitment (落实情况), reported to the deputy as case.commitment-updated.v1; the case's state stays. */
    @Transactional
    public TrackedCommitment reportProgress(UUID id, UUID commitmentId, Caller caller, String note, boolean fulfilled) {
        HandlingCase c = visible(id, caller, true);
        gov.suggestions.workflow.domain.Commitment tracked = commitments.ofCase(c.id, commitmentId).orElseThrow(() -> new NotFoundException(
                Text.of("没有承诺事项 " + commitmentId, "no commitment " + commitmentId)));
        if (tracked.fulfilledOn != null) {
            throw new ConflictException(Text.of("该承诺事项已于 " + tracked.fulfilledOn + " 落实", "the commitment was fulfilled on " + tracked.fulfilledOn));
        }
        if (commitments.countProgress(tracked.id) >= Limits.PROGRESS_PER_COMMITMENT) {
            throw new ConflictException(Text.of("该承诺事项已报送 " + Limits.PROGRESS_PER_COMMITMENT + " 次落实情况,不能再报送",
                    "the commitment already has " + Limits.PROGRESS_PER_COMMITMENT + " progress reports, the most one takes"));
        }
        gov.suggestions.workflow.domain.CommitmentProgress progress = new gov.suggestions.workflow.domain.CommitmentProgress();
        progress.id = UUID.randomUUID();
        progress.commitmentId = tracked.id;
        progress.note = note;
        progress.fulfilled = fulfilled;
        progress.reportedBy = caller.subject();
        progress.reportedAt = clock.instant();
        commitments.persist(progress);
        if (fulfilled) {
            tracked.fulfilledOn = today();
        }
        recorder.record(c, CaseAction.REPORT_COMMITMENT_PROGRESS, c.state, caller.subject(), note, new CaseEvent.CommitmentUpdated(tracked.id,
                tracked.measure, tracked.owner, tracked.targetDate, fulfilled ? "FULFILLED" : "IN_PROGRESS", tracked.fulfilledOn), null);
        return new TrackedCommitment(tracked, commitments.progressOf(tracked.id));
    }

    /** Each assisting department named at distribution, with its opinion (or none yet) and lateness. */
    public record AssistingStatus(String department, LocalDate dueOn, gov.suggestions.workflow.domain.AssistingOpinion opinion, boolean late) {
    }

    @Transactional
    public List<AssistingStatus> assistingOpinions(UUID id, Caller caller) {
        return assistingStatuses(visible(id, caller, false));
    }

    /** An assisting department answers the undertaking department; once per department, while the case is being handled. */
    @Transactional
    public List<AssistingStatus> submitAssistingOpinion(UUID id, Caller caller, String department, String content) {
        HandlingCase c = visible(id, caller, true);
        if (c.assistingOpinionsDue == null || CaseTransitions.terminal(c.state) || c.state == CaseState.REPLIED
                || c.state == CaseState.EVALUATED || c.state == CaseState.OPINION_SENT) {
            throw new ConflictException(Text.of("案件处于 " + c.state + " 状态,不接收协办意见",
                    "the case is " + c.state + "; assisting opinions are not taken now"));
        }
        if (!json.list(c.assistingDepartments, String.class).contains(department)) {
            throw new RuleViolationException("department", Text.of("分办时未指定该协办处室", "this department was not named as assisting at distribution"));
        }
        if (assisting.ofCase(c.id).stream().anyMatch(o -> o.department.equals(department))) {
            throw new ConflictException(Text.of(department + " 已提交协办意见", department + " has already sent its opinion"));
        }
        gov.suggestions.workflow.domain.AssistingOpinion opinion = new gov.suggestions.workflow.domain.AssistingOpinion();
        opinion.id = UUID.randomUUID();
        opinion.caseId = c.id;
        opinion.department = department;
        opinion.content = content;
        opinion.dueOn = c.assistingOpinionsDue;
        opinion.onTime = !today().isAfter(c.assistingOpinionsDue);
        opinion.submittedBy = caller.subject();
        opinion.submittedAt = clock.instant();
        assisting.persist(opinion);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("department", department);
        details.put("onTime", opinion.onTime);
        appendOnly(c, CaseAction.SUBMIT_ASSISTING_OPINION, c.state, caller.subject(), details);
        return assistingStatuses(c);
    }

    private List<AssistingStatus> assistingStatuses(HandlingCase c) {
        Map<String, gov.suggestions.workflow.domain.AssistingOpinion> byDepartment = new LinkedHashMap<>();
        assisting.ofCase(c.id).forEach(o -> byDepartment.put(o.department, o));
        LocalDate today = today();
        return json.list(c.assistingDepartments, String.class).stream().map(d -> {
            var opinion = byDepartment.get(d);
            boolean late = opinion == null ? c.assistingOpinionsDue != null && today.isAfter(c.assistingOpinionsDue) : !opinion.onTime;
            return new AssistingStatus(d, c.assistingOpinionsDue, opinion, late);
        }).toList();
    }

    /**
     * 404 unless every listed case is visible to the caller: what an Idempotency-Key replay checks before it answers,
     * as a first request would (a shared communication names every case it cannot see).
     */
    @Transactional
    public void requireVisible(java.util.Collection<UUID> ids, Caller caller) {
        if (ids.size() > CaseCommands.MAX_SHARED_CASES) {
            throw new RuleViolationException("caseIds", Text.of("至多 " + CaseCommands.MAX_SHARED_CASES + " 件案件",
                    "at most " + CaseCommands.MAX_SHARED_CASES + " cases"));
        }
        java.util.Set<UUID> missing = new java.util.LinkedHashSet<>(ids);
        missing.removeAll(cases.visibleIds(missing, caller));
        if (!missing.isEmpty()) {
            String names = missing.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(", "));
            throw new NotFoundException(Text.of("没有您可查看的案件 " + names, "no case " + names + " visible to you"));
        }
    }

    // ---- helpers

    private HandlingCase visible(UUID id, Caller caller, boolean lock) {
        return cases.findVisible(id, caller, lock).orElseThrow(() -> new NotFoundException(
                Text.of("没有您可查看的案件 " + id, "no case " + id + " visible to you")));
    }

    private HandlingCase forUpdate(UUID id, Caller caller, String ifMatch) {
        HandlingCase c = visible(id, caller, true);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionMismatchException(true, c.version);
        }
        if (!EntityTags.matches(ifMatch, c.version)) {
            throw new VersionMismatchException(false, c.version);
        }
        return c;
    }

    private CaseState allowed(HandlingCase c, CaseAction action) {
        return CaseTransitions.next(c.role, c.state, action).orElseThrow(() -> new ConflictException(Text.of(
                "案件当前状态为 " + c.state + "(" + c.role + "),不允许 " + action,
                "the case is " + c.state + " (" + c.role + "); " + action + " is not allowed now")));
    }

    private void requireReviewComplete(HandlingCase c) {
        if (!c.reviewComplete) {
            ReviewStep waiting = chain(c).get(c.reviewStep == null ? 0 : c.reviewStep);
            throw new ConflictException(Text.of("审核尚未完成,等待环节 " + waiting, "the review is not complete: waiting for " + waiting));
        }
    }

    /**
     * The person a review step belongs to, when one is known: the leader in charge named at distribution, the
     * department head when named there, the unit's configured principal leader. Empty: the step's role decides.
     */
    private Optional<String> deciderOf(HandlingCase c, ReviewStep step) {
        return switch (step) {
            case LEADER_IN_CHARGE -> Optional.ofNullable(c.leaderInChargeId);
            case DEPARTMENT_HEAD -> Optional.ofNullable(c.departmentHeadId);
            case PRINCIPAL_LEADER -> config.principalLeaderOf(c.unitCode);
            case OFFICE_CHECK -> Optional.empty();
        };
    }

    private List<ReviewStep> chain(HandlingCase c) {
        return config.reviewChainOf(c.unitCode, c.role == CaseRole.JOINT);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A transition without its own event type (a saved draft): history only. */
    private void appendOnly(HandlingCase c, CaseAction action, CaseState to, String actor, Map<String, Object> details) {
        CaseState from = c.state;
        c.state = to;
        c.updatedAt = clock.instant();
        CaseHistoryEntry entry = history.append(c.id, action.name(), from.name(), to.name(), actor, c.updatedAt, null, json.write(details));
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
    }

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

    private CaseDetails done(HandlingCase c) {
        cases.flush();
        return details(c);
    }

    private CaseDetails details(HandlingCase c) {
        return new CaseDetails(c, chain(c), communications.countInRound(c.id, c.round),
                c.role == CaseRole.LEAD ? jointStatuses(c) : List.of(), letters.ofCase(c.id), evaluations.ofCase(c.id),
                publicReplies.ofCase(c.id));
    }

    private List<JointStatus> jointStatuses(HandlingCase lead) {
        Map<String, JointOpinion> byUnit = new LinkedHashMap<>();
        opinions.ofSuggestion(lead.suggestionId).forEach(o -> byUnit.put(o.unitCode, o));
        List<JointStatus> statuses = new ArrayList<>();
        LocalDate today = today();
        for (HandlingCase joint : cases.jointCasesOf(lead.suggestionId)) {
            JointOpinion opinion = byUnit.get(joint.unitCode);
            LocalDate answered = opinion == null ? today : opinion.sentOn;
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(joint.dueOn, answered));
            statuses.add(new JointStatus(joint.unitCode, joint.unitName, joint.state, joint.dueOn, opinion, daysLate > 0, daysLate));
        }
        return statuses;
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
            changes.add(new CaseParts.Change("commitments", json.list(before.commitments, CaseParts.Commitment.class),
                    json.list(after.commitments, CaseParts.Commitment.class)));
        }
        if (!before.contacts.equals(after.contacts)) {
            changes.add(new CaseParts.Change("contacts", json.list(before.contacts, CaseParts.Contact.class),
                    json.list(after.contacts, CaseParts.Contact.class)));
        }
        return changes;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
