package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.CalendarDate;
import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Limits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.workflow.domain.CommunicationKind;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.EvaluationResult;
import gov.suggestions.workflow.domain.ResultCategory;
import gov.suggestions.workflow.domain.ReviewDecision;

/** What callers ask of a case; bounded here, checked against the workflow in CaseService. */
public final class CaseCommands {

    private CaseCommands() {
    }

    /** How every step's date is read (StepDates). */
    public static final String DATE_RULE = "The day the step took place (Asia/Shanghai); today when absent. Refused (400 naming the field) when later than today"
            + " (the day of now plus workflow.date-skew) or before the step it follows.";

    /** A token subject: printable ASCII without spaces. */
    public static final String PERSON_ID = "[\\x21-\\x7e]+";

    @Schema(name = "Distribution", description = "分办: who in the unit handles the case and by when")
    public record Distribute(
            @NotBlank @Size(max = Limits.PERSON_NAME) @Schema(examples = "王副局长") String leaderInCharge,
            @NotBlank @Size(max = Limits.SUBJECT) @Pattern(regexp = PERSON_ID) @Schema(description = "The leader in charge's token subject: only they decide the LEADER_IN_CHARGE review step", examples = "wang-fujuzhang") String leaderInChargeId,
            @Size(max = Limits.PERSON_NAME) @Schema(description = "The leader leading the handling (局领导牵头); required for key supervised suggestions", examples = "王副局长") String leadHandler,
            @Size(max = Limits.SUBJECT) @Pattern(regexp = PERSON_ID) @Schema(description = "The lead handler's token subject; required with leadHandler", examples = "wang-fujuzhang") String leadHandlerId,
            @Size(max = Limits.SUBJECT) @Pattern(regexp = PERSON_ID) @Schema(description = "Token subject of the undertaking department's head: when named, only they decide the DEPARTMENT_HEAD review step", examples = "li-chuzhang") String departmentHeadId,
            @NotBlank @Size(max = Limits.DEPARTMENT) @Schema(examples = "数据资源处") String undertakingDepartment,
            @Size(max = Limits.ASSISTING_DEPARTMENTS) List<@NotBlank @Size(max = Limits.DEPARTMENT) String> assistingDepartments,
            @NotBlank @Size(max = Limits.PERSON_NAME) @Schema(examples = "李某") String responsiblePerson,
            @NotNull @CalendarDate @Schema(description = "Internal deadline (办理时限)", examples = "2020-07-31") LocalDate internalDeadline,
            @CalendarDate @Schema(description = DATE_RULE + " Not before the case's assignment (assignedOn).", examples = "2020-05-25") LocalDate distributedOn,
            @Size(max = Limits.TEXT) String comment) {
    }

    @Schema(name = "CommunicationRecord", description = "One contact with the deputy")
    public record RecordCommunication(
            @NotNull CommunicationKind kind,
            @NotNull @CalendarDate @Schema(examples = "2020-06-10T15:00:00+08:00") OffsetDateTime occurredAt,
            @NotNull @Size(min = 1, max = Limits.PARTICIPANTS) List<CaseParts.@Valid @NotNull Participant> participants,
            @NotBlank @Size(max = Limits.TEXT) @Schema(examples = "电话沟通办理思路,代表表示认可") String summary,
            @Size(max = Limits.TEXT) @Schema(examples = "希望加快数据共享进度") String deputyViews) {
    }

    /** At most this many cases share one communication (a symposium for the unit's suggestions of a session). */
    public static final int MAX_SHARED_CASES = 50;

    @Schema(name = "SharedCommunicationRecord", description = "One contact with deputies (e.g. a symposium 座谈会) recorded once for several cases of the caller's unit")
    public record RecordSharedCommunication(
            @NotNull @Size(min = 1, max = MAX_SHARED_CASES) @Schema(description = "The cases the communication served; each must be visible to the caller and allow recording a communication")
            List<@NotNull UUID> caseIds,
            @NotNull CommunicationKind kind,
            @NotNull @CalendarDate @Schema(examples = "2020-08-20T15:00:00+08:00") OffsetDateTime occurredAt,
            @NotNull @Size(min = 1, max = Limits.PARTICIPANTS) List<CaseParts.@Valid @NotNull Participant> participants,
            @NotBlank @Size(max = Limits.TEXT) @Schema(examples = "在政务服务大厅召开座谈会,逐件沟通办理思路") String summary,
            @Size(max = Limits.TEXT) @Schema(examples = "希望加快数据共享和审批便民化进度") String deputyViews) {

        public RecordCommunication communication() {
            return new RecordCommunication(kind, occurredAt, participants, summary, deputyViews);
        }
    }

    @Schema(name = "DraftVersion", description = "A new version of the reply draft (or of the joint opinion)")
    public record SaveDraft(
            @Schema(description = "Result category; required for a reply, unused for a joint opinion") ResultCategory category,
            @NotBlank @Size(max = Limits.CONTENT) @Schema(examples = "王某某代表:您提出的关于加快推进政务数据共享的建议收悉……") String content,
            @Size(max = Limits.COMMITMENTS) List<CaseParts.@Valid @NotNull Commitment> commitments,
            @Size(max = Limits.CONTACTS) List<CaseParts.@Valid @NotNull Contact> contacts) {
    }

    @Schema(name = "Remark", description = "An optional comment recorded with the step")
    public record Remark(@Size(max = Limits.TEXT) String comment) {
    }

    @Schema(name = "ReviewDecisionRequest", description = "The decision of the current review step")
    public record DecideReview(
            @NotNull ReviewDecision decision,
            @Size(max = Limits.TEXT) @Schema(description = "Required when returning", examples = "请补充具体措施和时间表") String comment) {
    }

    @Schema(name = "ReplyIssue", description = "Issue the approved draft as the formal reply letter")
    public record IssueReply(@NotNull Disclosure disclosure,
            @CalendarDate @Schema(description = "成文日期, the day the letter was signed. " + DATE_RULE
                    + " Not before the distribution (or, after a re-handling, the evaluation that started it); a communication with the deputy in this round"
                    + " dated on or before it is needed (先沟通后答复). The document number takes its year; on time compares it with the deadline in force.",
                    examples = "2020-07-20") LocalDate issuedOn,
            @Size(max = Limits.TEXT) String comment) {
    }

    @Schema(name = "OpinionSending", description = "Send the approved joint opinion (会办意见) to the lead unit")
    public record SendOpinion(
            @CalendarDate @Schema(description = "The day the opinion was sent. " + DATE_RULE + " Not before the distribution; on time compares it with the joint deadline.",
                    examples = "2020-06-20") LocalDate sentOn,
            @Size(max = Limits.TEXT) String comment) {
    }

    @Schema(name = "ConclusionRequest", description = "Conclude the case (办结)")
    public record Conclude(
            @CalendarDate @Schema(description = "The day of the conclusion. " + DATE_RULE
                    + " Not before the evaluation, the reply (concluding as not evaluated: after the evaluation window) or the joint opinion.",
                    examples = "2020-08-25") LocalDate concludedOn,
            @Size(max = Limits.TEXT) String comment) {
    }

    @Schema(name = "EvaluationRequest", description = "The deputy's evaluation of the reply")
    public record Evaluate(
            @NotNull EvaluationResult result,
            @Size(max = Limits.TEXT) @Schema(examples = "答复认真,措施具体") String comments,
            @Schema(description = "Optional separate rating of the communication") EvaluationResult communicationRating,
            @Schema(description = "Optional separate rating of the result") EvaluationResult resultRating,
            @CalendarDate @Schema(description = "The day the deputy evaluated. " + DATE_RULE
                    + " Not before the reply's issue date; the evaluation window (workflow.evaluation-window-days) runs from that date to this one.",
                    examples = "2020-08-01") LocalDate evaluatedOn) {
    }
}
