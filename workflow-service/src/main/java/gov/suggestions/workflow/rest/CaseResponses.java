package gov.suggestions.workflow.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.workflow.domain.StrictBoolean;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.CommunicationKind;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.Evaluation;
import gov.suggestions.workflow.domain.EvaluationResult;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReplyDraft;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ResultCategory;
import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.service.CaseHistory;
import gov.suggestions.workflow.service.CaseCommands;
import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.service.CaseService;
import gov.suggestions.workflow.domain.Limits;

/** Response bodies of the case API (separate from the entities). */
public final class CaseResponses {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseResponses() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    @Schema(name = "Case", description = "One unit's handling of one suggestion; the ETag header carries `version`")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CaseResponse(UUID id, UUID suggestionId, @Schema(maxLength = Limits.CONGRESS_BODY) String congressBody,
            @Schema(maxLength = Limits.NUMBER) String number, @Schema(maxLength = Limits.KIND) String kind,
            @Schema(maxLength = Limits.TITLE) String title,
            @Schema(minimum = "" + Limits.MIN_YEAR, maximum = "" + Limits.MAX_YEAR) int year,
            @Schema(maxLength = Limits.SUPERVISION_LEVEL) String supervisionLevel, @Schema(maxLength = Limits.PRIORITY) String priority,
            Deputy leadDeputy, @Schema(maxLength = Limits.UNIT_CODE) String unitCode, @Schema(maxLength = Limits.UNIT_NAME) String unitName,
            CaseRole role, CaseState state, LocalDate assignedOn, @Schema(description = "The deadline in force") LocalDate dueOn,
            @Schema(description = "1, then one more per re-handling (workflow.max-rehandlings)", minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round,
            Distribution distribution, Review review,
            @Schema(minimum = "0", maximum = "" + Limits.COMMUNICATIONS_PER_CASE) long communicationsThisRound,
            @Schema(description = "LEAD cases: each open JOINT unit's opinion and lateness", maxItems = Limits.OPEN_CASES_PER_SUGGESTION) List<JointUnit> jointUnits,
            @Schema(description = "One letter per round", maxItems = Limits.MAX_ROUNDS) List<Reply> replies,
            @Schema(description = "One evaluation per round", maxItems = Limits.MAX_ROUNDS) List<EvaluationView> evaluations,
            @Schema(description = "The day of the conclusion (办结), once concluded") LocalDate concludedOn,
            OffsetDateTime openedAt, OffsetDateTime updatedAt,
            @Schema(description = "The case's version, its ETag", minimum = "0", maximum = Limits.LONG_MAX) long version) {

        static CaseResponse of(CaseService.CaseDetails d) {
            HandlingCase c = d.handlingCase();
            Distribution distribution = c.leaderInCharge == null ? null
                    : new Distribution(c.leaderInCharge, c.leadHandler, c.undertakingDepartment,
                            c.assistingDepartmentNames(), c.responsiblePerson, c.internalDeadline,
                            c.leaderInChargeId, c.leadHandlerId, c.departmentHeadId, c.distributedOn);
            Review review = new Review(d.reviewChain(),
                    c.reviewStep == null || c.reviewComplete ? null : d.reviewChain().get(c.reviewStep), c.reviewComplete);
            return new CaseResponse(c.id, c.suggestionId, c.congressBody, c.number, c.kind, c.title, c.year, c.supervisionLevel,
                    c.priority, new Deputy(c.leadDeputyId, c.leadDeputyName), c.unitCode, c.unitName, c.role, c.state, c.assignedOn,
                    c.dueOn, c.round, distribution, review, d.communicationsThisRound(),
                    d.jointUnits().stream().map(j -> new JointUnit(j.unitCode(), j.unitName(), j.state(), j.dueOn(),
                            j.opinion() == null ? null : j.opinion().content, j.opinion() == null ? null : at(j.opinion().sentAt),
                            j.opinion() == null ? null : j.opinion().sentOn,
                            j.opinion() != null && j.opinion().onTime, j.late(), j.daysLate())).toList(),
                    d.letters().stream().map(l -> Reply.of(l, d.publications().stream().filter(p -> p.letterId.equals(l.id)).findFirst()
                            .map(PublicationRef::of).orElse(null))).toList(),
                    d.evaluations().stream().map(EvaluationView::of).toList(), c.concludedOn,
                    at(c.openedAt), at(c.updatedAt), c.version);
        }
    }

    @Schema(name = "CaseDeputy")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Deputy(@Schema(maxLength = Limits.DEPUTY_ID) String id, @Schema(maxLength = Limits.DEPUTY_NAME) String name) {
    }

    @Schema(name = "CaseDistribution")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Distribution(@Schema(maxLength = Limits.PERSON_NAME) String leaderInCharge,
            @Schema(maxLength = Limits.PERSON_NAME) String leadHandler, @Schema(maxLength = Limits.DEPARTMENT) String undertakingDepartment,
            // what distribution accepted (CaseCommands.Distribute); the type-use bound documents the items, it is not checked again here
            @Schema(maxItems = Limits.ASSISTING_DEPARTMENTS) List<@jakarta.validation.constraints.Size(max = Limits.DEPARTMENT) String> assistingDepartments,
            @Schema(maxLength = Limits.PERSON_NAME) String responsiblePerson, LocalDate internalDeadline,
            @Schema(description = "Token subject of the leader in charge (decides LEADER_IN_CHARGE)", maxLength = Limits.SUBJECT) String leaderInChargeId,
            @Schema(description = "Token subject of the lead handler", maxLength = Limits.SUBJECT) String leadHandlerId,
            @Schema(description = "Token subject of the department head (decides DEPARTMENT_HEAD when named)", maxLength = Limits.SUBJECT) String departmentHeadId,
            @Schema(description = "The day of the distribution") LocalDate distributedOn) {
    }

    @Schema(name = "CaseReview", description = "The unit's review chain and the step now deciding")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Review(@Schema(description = "The unit's configured chain (at most " + Limits.REVIEW_STEPS + " steps)", maxItems = Limits.REVIEW_STEPS)
            List<ReviewStep> chain, ReviewStep currentStep, boolean complete) {
    }

    @Schema(name = "JointUnitOpinion")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record JointUnit(@Schema(maxLength = Limits.UNIT_CODE) String unitCode, @Schema(maxLength = Limits.UNIT_NAME) String unitName,
            CaseState state, LocalDate dueOn, @Schema(maxLength = Limits.CONTENT) String opinion,
            @Schema(description = "When the opinion was recorded") OffsetDateTime sentAt,
            @Schema(description = "The day the opinion was sent") LocalDate sentOn, boolean onTime, boolean late,
            @Schema(description = "Days between the joint deadline and the opinion (or today); 0 when on time", minimum = "0", maximum = Limits.INT_MAX)
            long daysLate) {
    }

    @Schema(name = "ReplyLetter")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Reply(@Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round,
            @Schema(maxLength = Limits.DOCUMENT_NUMBER) String documentNumber, ResultCategory category,
            @Schema(maxLength = Limits.CONTENT) String content,
            @Schema(maxItems = Limits.COMMITMENTS) List<CaseParts.Commitment> commitments,
            @Schema(maxItems = Limits.CONTACTS) List<CaseParts.Contact> contacts, Disclosure disclosure, LocalDate issuedOn,
            LocalDate dueOn, boolean onTime,
            @Schema(description = "The letter's publication (disclosure PUBLIC): the id anyone reads it by at /api/v1/public/replies/{id}") PublicationRef publication) {
        static Reply of(ReplyLetter l, PublicationRef publication) {
            return new Reply(l.round, l.documentNumber, l.category, l.content, l.commitments,
                    l.contacts, l.disclosure, l.issuedOn, l.dueOn, l.onTime, publication);
        }
    }

    @Schema(name = "ReplyPublicationRef", description = "Where a reply letter is published (办理结果公开), and whether it was withdrawn")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record PublicationRef(UUID id, @Schema(description = "索引号", maxLength = 80) String indexNumber, LocalDate publishedOn,
            @Schema(description = "Set once withdrawn: the public answers 404 from then on") OffsetDateTime withdrawnAt) {
        static PublicationRef of(gov.suggestions.workflow.domain.ReplyPublication p) {
            return new PublicationRef(p.id, p.indexNumber, p.publishedOn, at(p.withdrawnAt));
        }
    }

    @Schema(name = "Evaluation")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record EvaluationView(@Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round, EvaluationResult result,
            @Schema(maxLength = Limits.TEXT) String comments, EvaluationResult communicationRating,
            EvaluationResult resultRating, @Schema(description = "When the evaluation was recorded") OffsetDateTime evaluatedAt,
            @Schema(description = "The day the deputy evaluated") LocalDate evaluatedOn) {
        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.round, e.result, e.comments, e.communicationRating, e.resultRating, at(e.evaluatedAt), e.evaluatedOn);
        }
    }

    @Schema(name = "CaseSummary")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CaseSummary(UUID id, UUID suggestionId, @Schema(maxLength = Limits.NUMBER) String number,
            @Schema(maxLength = Limits.TITLE) String title, @Schema(maxLength = Limits.UNIT_CODE) String unitCode, CaseRole role,
            CaseState state, LocalDate dueOn, @Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round) {
        static CaseSummary of(HandlingCase c) {
            return new CaseSummary(c.id, c.suggestionId, c.number, c.title, c.unitCode, c.role, c.state, c.dueOn, c.round);
        }
    }

    @Schema(name = "CasePage")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CasePage(@Schema(description = "At most `size` cases", maxItems = Limits.PAGE_SIZE) List<CaseSummary> items,
            @Schema(description = "All cases of the selection", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(minimum = "0", maximum = "" + Limits.MAX_PAGE) int page, @Schema(minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @Schema(name = "HistoryEntry")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record HistoryEntry(@Schema(description = "1, 2, … in order", minimum = "1", maximum = Limits.INT_MAX) int seq,
            @Schema(description = "The action (CaseAction) or a supervision step such as CHASE", maxLength = Limits.ACTION) String action,
            CaseState fromState, CaseState toState, @Schema(maxLength = Limits.SUBJECT) String actor, OffsetDateTime occurredAt,
            @Schema(maxLength = Limits.TEXT) String comment,
            @Schema(description = "The step's own facts as JSON text", maxLength = Limits.HISTORY_DETAIL) String detail,
            @Schema(description = "SHA-256 of the previous entry in hex (64 zeros for the first)", maxLength = Limits.SHA256_HEX) String prevHash,
            @Schema(description = "SHA-256 of prevHash and this entry in hex, as written (the verification says whether it still holds)",
                    maxLength = Limits.SHA256_HEX) String hash) {
        static HistoryEntry of(CaseHistoryEntry e) {
            return new HistoryEntry(e.seq, e.action, e.fromState == null ? null : CaseState.valueOf(e.fromState),
                    CaseState.valueOf(e.toState), e.actor, at(e.occurredAt), e.comment, e.detail, e.prevHash, e.hash);
        }
    }

    @Schema(name = "HistoryVerification")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Verification(UUID caseId, boolean valid, @Schema(minimum = "0", maximum = Limits.INT_MAX) int entries,
            @Schema(description = "seq of the first entry that does not verify", minimum = "1", maximum = Limits.INT_MAX) Integer firstBrokenSeq,
            @Schema(description = "Why it does not verify (one sentence of the service's own)", maxLength = 200) String reason,
            @Schema(description = "Hash of the last entry when valid", minLength = Limits.SHA256_HEX, maxLength = Limits.SHA256_HEX,
                    pattern = "^[0-9a-f]{64}$") String headHash) {
        static Verification of(UUID caseId, CaseHistory.Verification v) {
            return new Verification(caseId, v.valid(), v.entries(), v.firstBrokenSeq(), v.reason(), v.headHash());
        }
    }

    @Schema(name = "CommunicationView")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CommunicationView(UUID id, @Schema(description = "The case's round when the communication was recorded", minimum = "1",
            maximum = "" + Limits.MAX_ROUNDS) int round,
            CommunicationKind kind, OffsetDateTime occurredAt,
            @Schema(maxItems = Limits.PARTICIPANTS) List<CaseParts.Participant> participants, @Schema(maxLength = Limits.TEXT) String summary,
            @Schema(maxLength = Limits.TEXT) String deputyViews, @Schema(maxLength = Limits.SUBJECT) String recordedBy,
            @Schema(description = "How many cases this one communication served (a symposium for several suggestions); 1 for an ordinary one",
                    minimum = "1", maximum = "" + CaseCommands.MAX_SHARED_CASES)
            int sharedCaseCount) {
        static CommunicationView of(CaseService.LinkedCommunication linked) {
            Communication c = linked.communication();
            return new CommunicationView(c.id, linked.round(), c.kind, at(c.occurredAt), c.participants,
                    c.summary, c.deputyViews, c.recordedBy, c.sharedCaseCount);
        }
    }

    @Schema(name = "SharedCommunication", description = "A communication recorded once for several cases, and those cases after it")
    public record SharedCommunicationView(UUID id, CommunicationKind kind, OffsetDateTime occurredAt,
            @Schema(maxItems = Limits.PARTICIPANTS) List<CaseParts.Participant> participants,
            @Schema(maxLength = Limits.TEXT) String summary, @Schema(maxLength = Limits.TEXT) String deputyViews,
            @Schema(maxLength = Limits.SUBJECT) String recordedBy,
            @Schema(minimum = "1", maximum = "" + CaseCommands.MAX_SHARED_CASES) int sharedCaseCount,
            @Schema(description = "Each linked case with its new state and version (its ETag)", maxItems = CaseCommands.MAX_SHARED_CASES)
            List<LinkedCase> cases) {
        public static SharedCommunicationView of(gov.suggestions.workflow.service.CaseCommunications.SharedCommunication shared) {
            Communication c = shared.communication();
            return new SharedCommunicationView(c.id, c.kind, at(c.occurredAt), c.participants,
                    c.summary, c.deputyViews, c.recordedBy, c.sharedCaseCount, shared.cases().stream()
                    .map(k -> new LinkedCase(k.id, k.number, k.unitCode, k.state, k.round, k.version)).toList());
        }
    }

    @Schema(name = "LinkedCase", description = "A case a shared communication served, after it was recorded")
    public record LinkedCase(UUID id, @Schema(maxLength = Limits.NUMBER) String number, @Schema(maxLength = Limits.UNIT_CODE) String unitCode,
            CaseState state, @Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round,
            @Schema(description = "The case's new version, for If-Match", minimum = "0", maximum = Limits.LONG_MAX) long version) {
    }

    @Schema(name = "Draft")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record DraftView(@Schema(description = "1, 2, … per case", minimum = "1", maximum = "" + Limits.DRAFTS_PER_CASE) int version,
            @Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round, ResultCategory category,
            @Schema(maxLength = Limits.CONTENT) String content, @Schema(maxItems = Limits.COMMITMENTS) List<CaseParts.Commitment> commitments,
            @Schema(maxItems = Limits.CONTACTS) List<CaseParts.Contact> contacts,
            @Schema(description = "What differs from the previous version", maxItems = Limits.DRAFT_CHANGES) List<CaseParts.Change> changes,
            @Schema(maxLength = Limits.SUBJECT) String createdBy, OffsetDateTime createdAt) {
        static DraftView of(ReplyDraft d) {
            return new DraftView(d.version, d.round, d.category, d.content, d.commitments,
                    d.contacts, d.changes, d.createdBy,
                    at(d.createdAt));
        }
    }

    @Schema(name = "CommitmentProgressRequest", description = "落实情况: what was done; fulfilled closes the commitment")
    public record ProgressRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = Limits.TEXT)
            @Schema(examples = "共享平台二期已完成招标") String note,
            @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = gov.suggestions.workflow.domain.StrictBoolean.class)
            @Schema(description = "true closes the commitment (JSON true or false only; absent is false)") boolean fulfilled) {
    }

    @Schema(name = "TrackedCommitment")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CommitmentView(UUID id, @Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round,
            @Schema(maxLength = Limits.MEASURE) String measure, @Schema(maxLength = Limits.DEPARTMENT) String owner, LocalDate targetDate,
            @Schema(description = "IN_PROGRESS or FULFILLED", enumeration = { "IN_PROGRESS", "FULFILLED" }) String status,
            LocalDate fulfilledOn,
            @Schema(description = "At most " + Limits.PROGRESS_PER_COMMITMENT + " reports per commitment", maxItems = Limits.PROGRESS_PER_COMMITMENT)
            List<ProgressView> progress) {
        static CommitmentView of(CaseService.TrackedCommitment t) {
            var c = t.commitment();
            return new CommitmentView(c.id, c.round, c.measure, c.owner, c.targetDate, c.fulfilledOn == null ? "IN_PROGRESS" : "FULFILLED",
                    c.fulfilledOn, t.progress().stream().map(p -> new ProgressView(p.note, p.fulfilled, p.reportedBy, at(p.reportedAt))).toList());
        }
    }

    @Schema(name = "CommitmentProgress")
    public record ProgressView(@Schema(maxLength = Limits.TEXT) String note, boolean fulfilled, @Schema(maxLength = Limits.SUBJECT) String reportedBy,
            OffsetDateTime reportedAt) {
    }

    @Schema(name = "AssistingOpinionRequest", description = "协办意见 of one assisting department named at distribution")
    public record AssistingRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = Limits.DEPARTMENT)
            @Schema(examples = "政务服务处") String department,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = Limits.CONTENT)
            @Schema(examples = "我处建议将共享目录纳入平台二期") String content) {
    }

    @Schema(name = "AssistingOpinion")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record AssistingView(@Schema(maxLength = Limits.DEPARTMENT) String department, LocalDate dueOn,
            @Schema(maxLength = Limits.CONTENT) String content, OffsetDateTime submittedAt, boolean late) {
        static AssistingView of(CaseService.AssistingStatus s) {
            return new AssistingView(s.department(), s.dueOn(), s.opinion() == null ? null : s.opinion().content,
                    s.opinion() == null ? null : at(s.opinion().submittedAt), s.late());
        }
    }
}
