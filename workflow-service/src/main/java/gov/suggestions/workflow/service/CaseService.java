package gov.suggestions.workflow.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.AssistingOpinion;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.Commitment;
import gov.suggestions.workflow.domain.CommitmentProgress;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.Evaluation;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.JointOpinion;
import gov.suggestions.workflow.domain.ReplyDraft;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ReplyPublication;
import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;
import gov.suggestions.workflow.repository.AssistingOpinionRepository;
import gov.suggestions.workflow.repository.CommitmentRepository;
import gov.suggestions.workflow.repository.CommunicationRepository;
import gov.suggestions.workflow.repository.EvaluationRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.JointOpinionRepository;
import gov.suggestions.workflow.repository.ReplyDraftRepository;
import gov.suggestions.workflow.repository.ReplyLetterRepository;

/** Reading cases as the caller may see them: a case with what its page shows, lists, history, parts. Steps: {@link CaseSteps}. */
@ApplicationScoped
public class CaseService {

    private final HandlingCaseRepository cases;
    private final CommunicationRepository communications;
    private final ReplyDraftRepository drafts;
    private final ReplyLetterRepository letters;
    private final JointOpinionRepository opinions;
    private final EvaluationRepository evaluations;
    private final CommitmentRepository commitments;
    private final AssistingOpinionRepository assisting;
    private final CaseHistory history;
    private final PublicReplies publicReplies;
    private final WorkflowConfig config;
    private final Clock clock;

    public CaseService(HandlingCaseRepository cases, CommunicationRepository communications, ReplyDraftRepository drafts,
            ReplyLetterRepository letters, JointOpinionRepository opinions, EvaluationRepository evaluations, CommitmentRepository commitments,
            AssistingOpinionRepository assisting, CaseHistory history, PublicReplies publicReplies, WorkflowConfig config,
            Clock clock) {
        this.cases = cases;
        this.communications = communications;
        this.drafts = drafts;
        this.letters = letters;
        this.opinions = opinions;
        this.evaluations = evaluations;
        this.commitments = commitments;
        this.assisting = assisting;
        this.history = history;
        this.publicReplies = publicReplies;
        this.config = config;
        this.clock = clock;
    }

    /** A case with what its page shows: review chain, the joint units' opinions (LEAD), letters and evaluations. */
    public record CaseDetails(HandlingCase handlingCase, List<ReviewStep> reviewChain, long communicationsThisRound,
            List<JointStatus> jointUnits, List<ReplyLetter> letters, List<Evaluation> evaluations,
            List<ReplyPublication> publications) {
    }

    /** A JOINT unit's opinion as the LEAD case sees it, with its lateness. */
    public record JointStatus(String unitCode, String unitName, CaseState state, LocalDate dueOn, JointOpinion opinion,
            boolean late, long daysLate) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A communication as one case has it: with the case's round when it was recorded. */
    public record LinkedCommunication(Communication communication, short round) {
    }

    /** A commitment with its progress reports. */
    public record TrackedCommitment(Commitment commitment, List<CommitmentProgress> progress) {
    }

    /** Each assisting department named at distribution, with its opinion (or none yet) and lateness. */
    public record AssistingStatus(String department, LocalDate dueOn, AssistingOpinion opinion, boolean late) {
    }

    @Transactional
    public CaseDetails get(UUID id, Caller caller) {
        return details(visible(id, caller, false));
    }

    @Transactional
    public Page<HandlingCase> list(Caller caller, CaseState state, UUID suggestionId, String unitCode, int page, int size) {
        HandlingCaseRepository.Selection selection = cases.listVisible(caller.scope(), state, suggestionId, unitCode);
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
    public List<LinkedCommunication> communications(UUID id, Caller caller) {
        return communications.ofCase(visible(id, caller, false).id).stream()
                .map(linked -> new LinkedCommunication(linked.communication(), linked.round())).toList();
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

    @Transactional
    public List<TrackedCommitment> commitments(UUID id, Caller caller) {
        HandlingCase c = visible(id, caller, false);
        return commitments.ofCase(c.id).stream().map(t -> new TrackedCommitment(t, commitments.progressOf(t.id))).toList();
    }

    @Transactional
    public List<AssistingStatus> assistingOpinions(UUID id, Caller caller) {
        return assistingStatuses(visible(id, caller, false));
    }

    /** The case's current version (its ETag) as the caller may see it: what an If-Match is compared with. */
    @Transactional
    public long version(UUID id, Caller caller) {
        return visible(id, caller, false).version;
    }

    /**
     * 404 unless every listed case is visible to the caller: what an Idempotency-Key replay checks before it answers,
     * as a first request would (a shared communication names every case it cannot see).
     */
    @Transactional
    public void requireVisible(Collection<UUID> ids, Caller caller) {
        if (ids.size() > CaseCommands.MAX_SHARED_CASES) {
            throw new InvalidFieldException("caseIds", Text.of("至多 " + CaseCommands.MAX_SHARED_CASES + " 件案件",
                    "at most " + CaseCommands.MAX_SHARED_CASES + " cases"));
        }
        Set<UUID> missing = new LinkedHashSet<>(ids);
        missing.removeAll(cases.visibleIds(missing, caller.scope()));
        if (!missing.isEmpty()) {
            String names = missing.stream().map(UUID::toString).collect(Collectors.joining(", "));
            throw new NotFoundException(Text.of("没有您可查看的案件 " + names, "no case " + names + " visible to you"));
        }
    }

    // ---- shared with the steps (CaseSteps)

    /** The case if the caller may see it (404 otherwise); with {@code lock} the row is locked for a step. */
    HandlingCase visible(UUID id, Caller caller, boolean lock) {
        return cases.findVisible(id, caller.scope(), lock).orElseThrow(() -> new NotFoundException(
                Text.of("没有您可查看的案件 " + id, "no case " + id + " visible to you")));
    }

    /** The case locked for a step, at the version the caller read: 412 when it changed since. */
    HandlingCase forUpdate(UUID id, Caller caller, long expectedVersion) {
        HandlingCase c = visible(id, caller, true);
        PreconditionFailedException.check(expectedVersion, c.version);
        return c;
    }

    /** The case after a step, written out (its new version), with what its page shows. */
    CaseDetails done(HandlingCase c) {
        cases.flush();
        return details(c);
    }

    List<ReviewStep> chain(HandlingCase c) {
        return config.reviewChainOf(c.unitCode, c.role == CaseRole.JOINT);
    }

    CaseDetails details(HandlingCase c) {
        return new CaseDetails(c, chain(c), communications.countInRound(c.id, c.round),
                c.role == CaseRole.LEAD ? jointStatuses(c) : List.of(), letters.ofCase(c.id), evaluations.ofCase(c.id),
                publicReplies.ofCase(c.id));
    }

    List<JointStatus> jointStatuses(HandlingCase lead) {
        Map<String, JointOpinion> byUnit = new LinkedHashMap<>();
        opinions.ofSuggestion(lead.suggestionId).forEach(o -> byUnit.put(o.unitCode, o));
        List<JointStatus> statuses = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (HandlingCase joint : cases.jointCasesOf(lead.suggestionId)) {
            JointOpinion opinion = byUnit.get(joint.unitCode);
            LocalDate answered = opinion == null ? today : opinion.sentOn;
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(joint.dueOn, answered));
            statuses.add(new JointStatus(joint.unitCode, joint.unitName, joint.state, joint.dueOn, opinion, daysLate > 0, daysLate));
        }
        return statuses;
    }

    List<AssistingStatus> assistingStatuses(HandlingCase c) {
        Map<String, AssistingOpinion> byDepartment = new LinkedHashMap<>();
        assisting.ofCase(c.id).forEach(o -> byDepartment.put(o.department, o));
        LocalDate today = LocalDate.now(clock);
        return c.assistingDepartmentNames().stream().map(d -> {
            AssistingOpinion opinion = byDepartment.get(d);
            boolean late = opinion == null ? c.assistingOpinionsDue != null && today.isAfter(c.assistingOpinionsDue) : !opinion.onTime;
            return new AssistingStatus(d, c.assistingOpinionsDue, opinion, late);
        }).toList();
    }
}
