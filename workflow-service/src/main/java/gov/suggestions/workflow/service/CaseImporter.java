package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Limits;

import gov.suggestions.workflow.domain.NotYoursException;

import gov.suggestions.workflow.domain.InvalidFieldException;

import gov.suggestions.workflow.domain.ConflictException;

import gov.suggestions.workflow.domain.Text;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import gov.suggestions.workflow.domain.CaseImportStep;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReviewDecision;
import gov.suggestions.workflow.repository.CaseImportStepRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.service.ImportCommands.ImportedCase;
import gov.suggestions.workflow.service.ImportCommands.Outcome;
import gov.suggestions.workflow.service.ImportCommands.Result;
import gov.suggestions.workflow.service.ImportCommands.Step;
import gov.suggestions.workflow.service.ImportCommands.StepKind;

/**
 * Imports one case in its own transaction: every new step runs through CaseSteps as a live caller's would (same
 * transition table, rules and dates), as a caller built for the import, and is remembered in case_import_step. A step
 * imported before with the same content is skipped; any refusal rolls the whole case back ({@link Rejected}).
 */
@ApplicationScoped
public class CaseImporter {

    /** The fields each kind of step takes besides {@code step} and {@code actor}. */
    private static final Map<StepKind, Set<String>> FIELDS = Map.of(
            StepKind.DISTRIBUTION, Set.of("leaderInCharge", "leaderInChargeId", "leadHandler", "leadHandlerId", "departmentHeadId",
                    "undertakingDepartment", "assistingDepartments", "responsiblePerson", "internalDeadline", "distributedOn", "comment"),
            StepKind.COMMUNICATION, Set.of("kind", "occurredAt", "participants", "summary", "deputyViews"),
            StepKind.EXTENSION, Set.of("requestedDueOn", "reason", "requestedOn", "decision", "decidedOn", "comment"),
            StepKind.JOINT_OPINION, Set.of("content", "contacts", "sentOn", "comment"),
            StepKind.REPLY, Set.of("category", "content", "commitments", "contacts", "disclosure", "issuedOn", "documentNumber", "comment"),
            StepKind.EVALUATION, Set.of("result", "comments", "communicationRating", "resultRating", "evaluatedOn"),
            StepKind.CONCLUSION, Set.of("concludedOn", "comment"));

    /** The date each kind of step must carry in an import (a live step without one is dated today, an imported one cannot be). */
    private static final Map<StepKind, String> DATE = Map.of(StepKind.DISTRIBUTION, "distributedOn", StepKind.COMMUNICATION, "occurredAt",
            StepKind.EXTENSION, "decidedOn",
            StepKind.JOINT_OPINION, "sentOn", StepKind.REPLY, "issuedOn", StepKind.EVALUATION, "evaluatedOn", StepKind.CONCLUSION, "concludedOn");

    /** A case refused: rolls its transaction back and carries its result. */
    public static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        Rejected(Result result) {
            super(result.field() + ": " + result.reason(), null, false, false);
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    /** A step's own field at fault (before it runs). */
    private static final class InvalidStep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final transient Text reason;

        InvalidStep(String field, Text reason) {
            super(field, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }

    private final HandlingCaseRepository cases;
    private final CaseImportStepRepository imported;
    private final CaseSteps service;
    private final CaseCommunications communications;
    private final Supervision supervision;
    private final ImportMarks marks;
    private final Validator validator;
    private final Clock clock;
    private final ObjectMapper canonical;

    public CaseImporter(HandlingCaseRepository cases, CaseImportStepRepository imported, CaseSteps service, CaseCommunications communications, Supervision supervision,
            ImportMarks marks, Validator validator, Clock clock, ObjectMapper mapper) {
        this.supervision = supervision;
        this.cases = cases;
        this.imported = imported;
        this.service = service;
        this.communications = communications;
        this.marks = marks;
        this.validator = validator;
        this.clock = clock;
        // the fingerprint must not change with the order or absence of fields: sorted, nulls left out
        this.canonical = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result importCase(Caller migrator, int index, ImportedCase row, Locale locale) {
        Optional<HandlingCase> found = cases.lockForImport(migrator.congressBody(), row.suggestionNumber(), row.unitCode());
        if (found.isEmpty()) {
            return new Result(index, row.sourceRecord(), null, Outcome.NOT_OPEN, 0, 0, null, Text.of(
                    "尚无建议 " + row.suggestionNumber() + " 交由 " + row.unitCode() + " 办理的案件(交办消息可能尚未到达),请稍后重试",
                    "no case of suggestion " + row.suggestionNumber() + " for unit " + row.unitCode()
                            + " yet (its assignment may not have arrived): retry later").in(locale));
        }
        HandlingCase c = found.get();
        Map<Short, CaseImportStep> before = new HashMap<>();
        imported.of(c.id, row.sourceRecord()).forEach(s -> before.put(s.stepIndex, s));
        int applied = 0;
        int unchanged = 0;
        for (int i = 0; i < row.steps().size(); i++) {
            Step step = row.steps().get(i);
            String fingerprint = fingerprint(step);
            CaseImportStep earlier = before.get((short) i);
            if (earlier != null) {
                if (!earlier.fingerprint.equals(fingerprint)) {
                    throw reject(index, row, c, "steps[" + i + "]", Text.of("与 " + earlier.importedAt + " 已导入的第 " + i + " 步不同,不能改写已导入的步骤",
                            "differs from step " + i + " imported at " + earlier.importedAt + ": an imported step cannot be changed").in(locale));
                }
                unchanged++;
                continue;
            }
            try {
                apply(c, migrator, row.sourceRecord(), i, step);
            } catch (InvalidStep e) {
                throw reject(index, row, c, "steps[" + i + "]." + e.field, e.reason.in(locale));
            } catch (InvalidFieldException e) {
                throw reject(index, row, c, "steps[" + i + "]." + e.field(), e.reason().in(locale));
            } catch (ConflictException e) {
                throw reject(index, row, c, "steps[" + i + "]", e.reason().in(locale));
            } catch (NotYoursException e) {
                throw reject(index, row, c, "steps[" + i + "]", e.reason().in(locale));
            } catch (NotFoundException e) {
                throw reject(index, row, c, "steps[" + i + "]", e.reason().in(locale));
            }
            CaseImportStep done = new CaseImportStep();
            done.caseId = c.id;
            done.sourceRecord = row.sourceRecord();
            done.stepIndex = (short) i;
            done.stepKind = step.step().name();
            done.fingerprint = fingerprint;
            done.importedAt = clock.instant();
            done.importedBy = migrator.subject();
            imported.persist(done);
            applied++;
        }
        return new Result(index, row.sourceRecord(), c.id, applied > 0 ? Outcome.IMPORTED : Outcome.UNCHANGED, applied, unchanged, null, null);
    }

    private static Rejected reject(int index, ImportedCase row, HandlingCase c, String field, String reason) {
        return new Rejected(new Result(index, row.sourceRecord(), c.id, Outcome.REJECTED, 0, 0, field, reason));
    }

    /** Runs the step through the live path, as the import's caller, with its history entries marked as imported. */
    private void apply(HandlingCase c, Caller migrator, String sourceRecord, int index, Step step) {
        check(step);
        Caller.ImportedStep mark = new Caller.ImportedStep(migrator.subject(), sourceRecord, index, step.actor());
        Caller caller = step.step() == StepKind.EVALUATION
                // the lead deputy evaluated on the old platform
                ? new Caller(migrator.subject(), Set.of(Caller.DEPUTY), c.congressBody, null, c.leadDeputyId, mark)
                : new Caller(migrator.subject(), Set.of(Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER), c.congressBody, c.unitCode, null, mark);
        marks.begin(mark);
        try {
            switch (step.step()) {
                case DISTRIBUTION -> service.distribute(c.id, caller, c.version, valid(new CaseCommands.Distribute(step.leaderInCharge(),
                        step.leaderInChargeId(), step.leadHandler(), step.leadHandlerId(), step.departmentHeadId(), step.undertakingDepartment(),
                        step.assistingDepartments(), step.responsiblePerson(), step.internalDeadline(), step.distributedOn(), step.comment())));
                case COMMUNICATION -> communications.recordCommunication(c.id, caller, c.version, valid(new CaseCommands.RecordCommunication(step.kind(),
                        step.occurredAt(), step.participants(), step.summary(), step.deputyViews())));
                case JOINT_OPINION -> {
                    draftedAndApproved(c, caller, new CaseCommands.SaveDraft(null, step.content(), null, step.contacts()));
                    service.sendOpinion(c.id, caller, c.version, valid(new CaseCommands.SendOpinion(step.sentOn(), step.comment())));
                }
                case REPLY -> {
                    draftedAndApproved(c, caller, new CaseCommands.SaveDraft(step.category(), step.content(), step.commitments(), step.contacts()));
                    service.issueReply(c.id, caller, c.version, valid(new CaseCommands.IssueReply(step.disclosure(), step.issuedOn(), step.comment())),
                            step.documentNumber());
                }
                case EVALUATION -> service.evaluate(c.id, caller, c.version, valid(new CaseCommands.Evaluate(step.result(), step.comments(),
                        step.communicationRating(), step.resultRating(), step.evaluatedOn())));
                case EXTENSION -> extension(c, caller, mark, step);
                case CONCLUSION -> service.conclude(c.id, caller, c.version, valid(new CaseCommands.Conclude(step.concludedOn(), step.comment())));
            }
        } finally {
            marks.end();
        }
    }

    /** 延期: the unit's request and the congress office's decision, each on its own day, as the live endpoints do them. */
    private void extension(HandlingCase c, Caller unit, Caller.ImportedStep mark, Step step) {
        if (step.requestedDueOn() == null) {
            throw new InvalidStep("requestedDueOn", Text.of("须注明申请延至的期限", "name the deadline the unit asked for (requestedDueOn)"));
        }
        if (step.reason() == null || step.reason().isBlank()) {
            throw new InvalidStep("reason", Text.of("须注明延期理由", "give the reason of the request (reason)"));
        }
        var request = supervision.requestExtension(c.id, unit, step.requestedDueOn(), step.reason(),
                step.requestedOn() != null ? step.requestedOn() : step.decidedOn());
        Caller office = new Caller(unit.subject(), Set.of(Caller.CONGRESS_OFFICE), c.congressBody, null, null, mark);
        supervision.decideExtension(c.id, request.id, office, !"REJECT".equals(step.decision()), step.comment(), step.decidedOn());
        cases.flush(); // the case's new version, which the next step's If-Match names
    }

    /** A reply or joint opinion as live: a draft version, its submission and each review step's approval. */
    private void draftedAndApproved(HandlingCase c, Caller caller, CaseCommands.SaveDraft draft) {
        service.saveDraft(c.id, caller, c.version, valid(draft));
        service.submitDraft(c.id, caller, c.version, new CaseCommands.Remark(null));
        for (int i = 0; i < Limits.REVIEW_STEPS && !c.reviewComplete; i++) {
            service.decideReview(c.id, caller, c.version, new CaseCommands.DecideReview(ReviewDecision.APPROVE, null));
        }
    }

    /** The step's own fields: bounded, only those of its kind, an actor and its date. */
    private void check(Step step) {
        firstViolation(validator.validate(step));
        for (RecordComponent component : Step.class.getRecordComponents()) {
            String name = component.getName();
            if (name.equals("step") || name.equals("actor") || FIELDS.get(step.step()).contains(name)) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(step) != null) {
                    throw new InvalidStep(name, Text.of(name + " 不是 " + step.step() + " 步骤的字段", name + " is not a field of a " + step.step() + " step"));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (step.actor() == null || step.actor().isBlank()) {
            throw new InvalidStep("actor", Text.of("须注明旧平台上办理该步骤的人", "name who did the step on the old platform"));
        }
        String date = DATE.get(step.step());
        Object value;
        try {
            value = Step.class.getMethod(date).invoke(step);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (value == null) {
            throw new InvalidStep(date, Text.of("导入的步骤须注明日期 " + date, "an imported step needs its date " + date));
        }
    }

    private <T> T valid(T command) {
        firstViolation(validator.validate(command));
        return command;
    }

    private static <T> void firstViolation(Set<ConstraintViolation<T>> violations) {
        violations.stream().map(v -> new InvalidStep(field(v.getPropertyPath()), Text.of(v.getMessage(), v.getMessage())))
                .min((a, b) -> a.field.compareTo(b.field)).ifPresent(e -> {
                    throw e;
                });
    }

    /** "participants[0].name" as the request names it. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(name);
            }
        }
        return field.toString();
    }

    /** SHA-256 of the step's canonical JSON. */
    String fingerprint(Step step) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(step));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
