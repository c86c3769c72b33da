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

/**
 * What a case import (POST /api/v1/case-imports) takes and answers. The body is checked as a whole only for its shape
 * (cases, sourceRecord, suggestionNumber, unitCode, steps and each step's kind): a step's own fields are checked when
 * the step runs, so a wrong one rejects that case alone.
 */
public final class ImportCommands {

    private ImportCommands() {
    }

    /** Cases in one request. */
    public static final int MAX_CASES = 200;
    /** Steps of one case: its communications (at most {@link Limits#COMMUNICATIONS_PER_CASE}) and a reply, evaluation and more per round. */
    public static final int MAX_STEPS = Limits.COMMUNICATIONS_PER_CASE + 4 * Limits.MAX_ROUNDS;
    /** {@code case_import_step.source_record varchar(200)}. */
    public static final int SOURCE_RECORD = 200;

    public enum StepKind {
        DISTRIBUTION, COMMUNICATION, EXTENSION, JOINT_OPINION, REPLY, EVALUATION, CONCLUSION
    }

    public enum Outcome {
        /** At least one step was applied (those imported before were skipped). */
        IMPORTED,
        /** Every step was imported before with the same content: nothing changed. */
        UNCHANGED,
        /** A step was refused (field and reason say which and why): nothing of this case changed. */
        REJECTED,
        /** No case of that suggestion number and unit in the caller's congress body (yet): retry once its assignment arrived. */
        NOT_OPEN
    }

    @Schema(name = "CaseImportRequest", description = "Cases of the old platform with the steps they went through, in order")
    public record ImportCases(
            @NotNull @Size(min = 1, max = MAX_CASES) @Schema(description = "1 to " + MAX_CASES + " cases; each is imported in its own transaction")
            List<@Valid @NotNull ImportedCase> cases) {
    }

    @Schema(name = "ImportedCase", description = "One case of the old platform: the case of that suggestion number (in the caller's congress body) and unit")
    public record ImportedCase(
            @NotBlank @Size(max = SOURCE_RECORD) @Schema(description = "The old platform's record of the case; with the step's index, what makes a re-import idempotent",
                    examples = "old:2021/0001/sz-zsj") String sourceRecord,
            @NotBlank @Size(max = Limits.NUMBER) @Schema(examples = "20210001") String suggestionNumber,
            @NotBlank @Size(max = Limits.UNIT_CODE) @Pattern(regexp = Limits.UNIT_CODE_PATTERN) @Schema(examples = "sz-zsj") String unitCode,
            @NotNull @Size(min = 1, max = MAX_STEPS) @Schema(description = "The steps in the order they took place; each passes the same rules as a live one")
            List<@NotNull Step> steps) {
    }

    /**
     * One step; only the kind is checked with the body (400 when missing, CaseImports). The other fields are those of the live operation of that kind
     * and are checked when the step runs (a wrong one rejects the case, naming {@code steps[n].field}).
     */
    @Schema(name = "ImportedStep", description = "One step of the old platform: its kind, who did it there, its fields (those of the live operation) and its date (required)")
    public record Step(
            @NotNull @Schema(description = "The kind of step") StepKind step,
            @Size(max = Limits.SUBJECT) @Schema(description = "Who did it on the old platform (name or id); the history records it as the step's actor. Required",
                    examples = "李某") String actor,
            // DISTRIBUTION
            @Size(max = Limits.PERSON_NAME) String leaderInCharge,
            @Size(max = Limits.SUBJECT) String leaderInChargeId,
            @Size(max = Limits.PERSON_NAME) String leadHandler,
            @Size(max = Limits.SUBJECT) String leadHandlerId,
            @Size(max = Limits.SUBJECT) String departmentHeadId,
            @Size(max = Limits.DEPARTMENT) String undertakingDepartment,
            @Size(max = Limits.ASSISTING_DEPARTMENTS) List<@Size(max = Limits.DEPARTMENT) String> assistingDepartments,
            @Size(max = Limits.PERSON_NAME) String responsiblePerson,
            @CalendarDate LocalDate internalDeadline,
            @CalendarDate @Schema(description = "DISTRIBUTION: the day of the distribution", examples = "2021-05-12") LocalDate distributedOn,
            // COMMUNICATION
            CommunicationKind kind,
            @CalendarDate @Schema(description = "COMMUNICATION: when it took place", examples = "2021-05-20T10:00:00+08:00") OffsetDateTime occurredAt,
            @Size(max = Limits.PARTICIPANTS) List<CaseParts.Participant> participants,
            @Size(max = Limits.TEXT) String summary,
            @Size(max = Limits.TEXT) String deputyViews,
            // JOINT_OPINION and REPLY
            @Schema(description = "REPLY: the result category") ResultCategory category,
            @Size(max = Limits.CONTENT) @Schema(description = "REPLY, JOINT_OPINION: the letter's or opinion's text") String content,
            @Size(max = Limits.COMMITMENTS) List<CaseParts.Commitment> commitments,
            @Size(max = Limits.CONTACTS) List<CaseParts.Contact> contacts,
            Disclosure disclosure,
            @CalendarDate @Schema(description = "REPLY: 成文日期", examples = "2021-06-20") LocalDate issuedOn,
            @Size(max = Limits.DOCUMENT_NUMBER) @Schema(description = "REPLY: the old platform's document number (文号), kept as given; absent: numbered like a live reply",
                    examples = "深政数函〔2021〕12号") String documentNumber,
            @CalendarDate @Schema(description = "JOINT_OPINION: the day it was sent", examples = "2021-06-01") LocalDate sentOn,
            // EVALUATION
            EvaluationResult result,
            @Size(max = Limits.TEXT) String comments,
            EvaluationResult communicationRating,
            EvaluationResult resultRating,
            @CalendarDate @Schema(description = "EVALUATION: the day the deputy evaluated", examples = "2021-07-01") LocalDate evaluatedOn,
            // CONCLUSION
            @CalendarDate @Schema(description = "CONCLUSION: the day of the conclusion", examples = "2021-07-02") LocalDate concludedOn,
            // EXTENSION: the unit's request and the congress office's decision
            @CalendarDate @Schema(description = "EXTENSION: the deadline the unit asked for", examples = "2021-08-31") LocalDate requestedDueOn,
            @Size(max = Limits.TEXT) @Schema(description = "EXTENSION: why the unit asked") String reason,
            @CalendarDate @Schema(description = "EXTENSION: the day the unit asked (default: decidedOn)", examples = "2021-06-10") LocalDate requestedOn,
            @Pattern(regexp = "APPROVE|REJECT") @Schema(description = "EXTENSION: the congress office's decision (default APPROVE)",
                    enumeration = { "APPROVE", "REJECT" }) String decision,
            @CalendarDate @Schema(description = "EXTENSION: the day the congress office decided", examples = "2021-06-12") LocalDate decidedOn,
            @Size(max = Limits.TEXT) @Schema(description = "A comment recorded with the step (DISTRIBUTION, JOINT_OPINION, REPLY, CONCLUSION; EXTENSION: the decision's)") String comment) {
    }

    @Schema(name = "CaseImportResult", description = "What became of one case of the request")
    public record Result(
            @Schema(description = "The case's index in the request, from 0", minimum = "0", maximum = "199") int index,
            @Schema(maxLength = SOURCE_RECORD) String sourceRecord,
            @Schema(description = "The case; null when not found") UUID caseId,
            Outcome outcome,
            @Schema(description = "Steps applied now", minimum = "0", maximum = "240") int stepsApplied,
            @Schema(description = "Steps imported before with the same content, skipped", minimum = "0", maximum = "240") int stepsUnchanged,
            @Schema(description = "REJECTED: the field at fault", maxLength = 300, examples = "steps[3].issuedOn") String field,
            @Schema(description = "REJECTED, NOT_OPEN: why", maxLength = 2000) String reason) {
    }

    @Schema(name = "CaseImportResponse", description = "One result per case, in the order of the request")
    public record Results(@Schema(maxItems = MAX_CASES) List<Result> results) {
    }
}
