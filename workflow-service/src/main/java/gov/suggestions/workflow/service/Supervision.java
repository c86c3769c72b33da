package gov.suggestions.workflow.service;



import gov.suggestions.workflow.domain.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.ExtensionRequest;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.CaseEvent;
import gov.suggestions.workflow.event.CaseEventData;
import gov.suggestions.workflow.event.Outbox;
import gov.suggestions.workflow.repository.DeadlineNoticeRepository;
import gov.suggestions.workflow.repository.ExtensionRequestRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.ReplyLetterRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * 督办、催办: reminders before each deadline, overdue marks escalated to the unit office and the
 * leader in charge, and chasing by hand. Each notice is inserted into deadline_notice first and
 * published only by the run whose insert won, so replicas running the job at once send it once.
 */
@ApplicationScoped
public class Supervision {

    private static final Logger LOG = Logger.getLogger(Supervision.class);

    private final HandlingCaseRepository cases;
    private final DeadlineNoticeRepository notices;
    private final CaseHistory history;
    private final Outbox outbox;
    private final ExtensionRequestRepository extensions;
    private final ReplyLetterRepository letters;
    private final WorkflowConfig config;
    private final Clock clock;
    private final StepDates dates;
    private final ImportMarks imports;

    public Supervision(HandlingCaseRepository cases, DeadlineNoticeRepository notices, CaseHistory history, Outbox outbox,
            ExtensionRequestRepository extensions, ReplyLetterRepository letters, WorkflowConfig config, Clock clock, StepDates dates,
            ImportMarks imports) {
        this.dates = dates;
        this.imports = imports;
        this.extensions = extensions;
        this.letters = letters;
        this.cases = cases;
        this.notices = notices;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${supervision.every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sent = scan();
        if (sent > 0) {
            LOG.infof("supervision: %d reminders and overdue marks sent", sent);
        }
    }

    /** One pass over every case owing a reply or opinion; each case in its own short transaction. */
    public int scan() {
        LocalDate today = LocalDate.now(clock);
        int furthest = config.reminderDays().stream().max(Comparator.naturalOrder()).orElse(0);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> notices.owingUntil(today.plusDays(furthest)));
        int sent = 0;
        for (UUID id : due) {
            sent += isolated(id, () -> notify(id, today));
        }
        List<UUID> awaiting = QuarkusTransaction.requiringNew().call(notices::awaitingEvaluation);
        for (UUID id : awaiting) {
            sent += isolated(id, () -> evaluationWindow(id, today));
        }
        return sent;
    }

    /** One case that cannot be handled must not keep every other case's notices from going out. */
    private int isolated(UUID caseId, java.util.concurrent.Callable<Integer> step) {
        try {
            return QuarkusTransaction.requiringNew().call(step);
        } catch (RuntimeException e) {
            LOG.errorf(e, "supervision: case %s skipped in this run", caseId);
            return 0;
        }
    }

    /**
     * The deputy's evaluation window (default 30 days after the reply): a reminder before it closes,
     * and once it has closed the reply is recorded as not evaluated (尚未评价), each once per reply.
     */
    private int evaluationWindow(UUID id, LocalDate today) {
        HandlingCase c = cases.findById(id);
        if (c == null || c.state != CaseState.REPLIED) {
            return 0;
        }
        ReplyLetter letter = letters.latest(c.id).orElse(null);
        if (letter == null) {
            return 0;
        }
        LocalDate windowEnds = letter.issuedOn.plusDays(config.evaluationWindowDays());
        long daysLeft = ChronoUnit.DAYS.between(today, windowEnds);
        if (daysLeft < 0) {
            if (!notices.recordOnce(c.id, windowEnds, "EVALUATION_CLOSED", clock.instant())) {
                return 0;
            }
            appendHistory(c, "EVALUATION_WINDOW_CLOSED", CaseOpening.SYSTEM_ACTOR, null,
                    "{\"windowEndedOn\":\"" + windowEnds + "\",\"evaluation\":\"NOT_EVALUATED\"}");
            publish(c, CaseOpening.SYSTEM_ACTOR,
                    new CaseEvent.EvaluationWindowClosed(c.round, letter.issuedOn, windowEnds, "NOT_EVALUATED", c.leadDeputyId));
            return 1;
        }
        if (daysLeft > config.evaluationReminderDays()
                || !notices.recordOnce(c.id, windowEnds, "EVALUATION_REMINDER", clock.instant())) {
            return 0;
        }
        publish(c, CaseOpening.SYSTEM_ACTOR, new CaseEvent.EvaluationReminder(c.round, letter.issuedOn, windowEnds, daysLeft, c.leadDeputyId));
        return 1;
    }

    private int notify(UUID id, LocalDate today) {
        HandlingCase c = cases.findById(id);
        if (c == null || !c.owes()) {
            return 0;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, c.dueOn);
        String deadline = c.role == CaseRole.JOINT ? "JOINT_OPINION" : (c.round > 1 ? "REHANDLING_REPLY" : "REPLY");
        if (daysLeft < 0) {
            if (!notices.recordOnce(c.id, c.dueOn, "OVERDUE", clock.instant())) {
                return 0;
            }
            List<String> escalatedTo = new ArrayList<>();
            escalatedTo.add("unit-office");
            if (c.leaderInCharge != null) {
                escalatedTo.add(c.leaderInCharge);
            }
            publish(c, CaseOpening.SYSTEM_ACTOR, new CaseEvent.Overdue(deadline, c.dueOn, -daysLeft, c.leaderInCharge, escalatedTo));
            return 1;
        }
        // the tightest reminder that applies: a job that missed a day still sends the right one, once
        Optional<Integer> reminder = config.reminderDays().stream().filter(d -> d >= daysLeft).min(Comparator.naturalOrder());
        if (reminder.isEmpty() || !notices.recordOnce(c.id, c.dueOn, "REMINDER_" + reminder.get(), clock.instant())) {
            return 0;
        }
        publish(c, CaseOpening.SYSTEM_ACTOR,
                new CaseEvent.DeadlineApproaching(deadline, c.dueOn, daysLeft, reminder.get(), c.leaderInCharge, c.responsiblePerson));
        return 1;
    }

    /** What supervisors look at ({@code view}: DUE_SOON within {@code dueSoonDays}, OVERDUE, RETURNED, AWAITING_EVALUATION), narrowed to the caller. */
    @Transactional
    public CaseService.Page<HandlingCase> list(Caller caller, String view, int dueSoonDays, String unitCode, String leaderInCharge,
            String leaderInChargeId, int page, int size) {
        var selection = cases.supervisionList(caller.scope(), view, LocalDate.now(clock), dueSoonDays, unitCode, leaderInCharge, leaderInChargeId);
        return new CaseService.Page<>(cases.page(selection, page, size), cases.count(selection), page, size);
    }

    /** 催办 by the congress office or the government supervision office: in the history and as case.chased.v1. */
    @Transactional
    public HandlingCase chase(UUID id, Caller caller, String comment) {
        HandlingCase c = cases.findVisible(id, caller.scope(), true).orElseThrow(() -> new NotFoundException(
                Text.of("没有您可查看的案件 " + id, "no case " + id + " visible to you")));
        c.requireChaseable();
        var entry = history.append(c.id, "CHASE", c.state.name(), c.state.name(), caller.subject(), clock.instant(), comment, null);
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        c.updatedAt = entry.occurredAt;
        publish(c, caller.subject(),
                new CaseEvent.Chased(comment, c.dueOn, caller.hasRole(Caller.CONGRESS_OFFICE) ? Caller.CONGRESS_OFFICE : Caller.GOV_SUPERVISOR));
        cases.flush();
        return c;
    }

    /** A unit office asks to move the deadline in force; one open request per case. */
    @Transactional
    public ExtensionRequest requestExtension(UUID id, Caller caller, LocalDate requestedDueOn, String reason) {
        return requestExtension(id, caller, requestedDueOn, reason, null);
    }

    /**
     * As above, asked on {@code requestedOn} (a case import: the old platform's day; null: today): not in the future,
     * not before the case was assigned.
     */
    @Transactional
    public ExtensionRequest requestExtension(UUID id, Caller caller, LocalDate requestedDueOn, String reason, LocalDate requestedOn) {
        HandlingCase c = cases.findVisible(id, caller.scope(), true).orElseThrow(() -> notFound(id));
        LocalDate day = c.askExtension(requestedDueOn, requestedOn, extensions.pending(c.id).isPresent(), dates.now());
        ExtensionRequest request = new ExtensionRequest();
        request.id = UUID.randomUUID();
        request.caseId = c.id;
        request.currentDueOn = c.dueOn;
        request.requestedDueOn = requestedDueOn;
        request.reason = reason;
        request.requestedBy = caller.subject();
        request.requestedAt = dates.occurredAt(day);
        request.status = ExtensionRequest.PENDING;
        extensions.persist(request);
        // an imported request was made by the old platform's actor, whom the history names
        request.requestedBy = appendHistory(c, "REQUEST_EXTENSION", caller.subject(), reason, "{\"requestedDueOn\":\"" + requestedDueOn + "\"}");
        return request;
    }

    /** The congress office decides; an approval moves the case's deadline (reminders then follow the new one). */
    @Transactional
    public ExtensionRequest decideExtension(UUID id, UUID requestId, Caller caller, boolean approve, String comment) {
        return decideExtension(id, requestId, caller, approve, comment, null);
    }

    /** As above, decided on {@code decidedOn} (a case import; null: today): not in the future, not before the request. */
    @Transactional
    public ExtensionRequest decideExtension(UUID id, UUID requestId, Caller caller, boolean approve, String comment, LocalDate decidedOn) {
        HandlingCase c = cases.findVisible(id, caller.scope(), true).orElseThrow(() -> notFound(id));
        ExtensionRequest request = extensions.ofCase(c.id, requestId).orElseThrow(() -> new NotFoundException(
                Text.of("没有延期申请 " + requestId, "no extension request " + requestId)));
        LocalDate day = c.decideExtension(request, dates.dayOf(request.requestedAt), approve, decidedOn, dates.now());
        request.decidedBy = caller.subject();
        request.decidedAt = dates.occurredAt(day);
        request.decisionComment = comment;
        request.decidedBy = appendHistory(c, approve ? "APPROVE_EXTENSION" : "REJECT_EXTENSION", caller.subject(), comment,
                "{\"dueOn\":\"" + c.dueOn + "\"}");
        if (approve) {
            // reminders, notices and reports follow the new deadline
            var extended = new CaseEvent.DeadlineExtended(comment, request.currentDueOn, c.dueOn, request.requestedBy, request.reason);
            CaseEventData data = new CaseEventData(c.id, c.suggestionId, c.congressBody, c.number, c.unitCode, c.role.name(), c.state.name(),
                    request.decidedAt, request.decidedBy);
            extended.details().forEach(data::with);
            if (imports.current().isPresent()) {
                data.with("imported", true);
            }
            outbox.append(extended.type(), c.suggestionId.toString(), data);
        }
        return request;
    }

    /** @return the entry's actor: the caller, or for an imported step who did it on the old platform */
    private String appendHistory(HandlingCase c, String action, String actor, String comment, String detail) {
        var entry = history.append(c.id, action, c.state.name(), c.state.name(), actor, clock.instant(), comment, detail);
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        c.updatedAt = entry.occurredAt;
        return entry.actor;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException(Text.of("没有您可查看的案件 " + id, "no case " + id + " visible to you"));
    }

    /** A notice about the case as it stands now: the common fields, then the event's own. */
    private void publish(HandlingCase c, String actor, CaseEvent event) {
        CaseEventData data = new CaseEventData(c.id, c.suggestionId, c.congressBody, c.number, c.unitCode, c.role.name(), c.state.name(),
                clock.instant(), actor);
        event.details().forEach(data::with);
        outbox.append(event.type(), c.suggestionId.toString(), data);
    }
}
