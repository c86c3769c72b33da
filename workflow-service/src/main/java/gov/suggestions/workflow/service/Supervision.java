package gov.suggestions.workflow.service;

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
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.event.CaseEventData;
import gov.suggestions.workflow.event.CaseEventType;
import gov.suggestions.workflow.event.Outbox;
import gov.suggestions.workflow.repository.DeadlineNoticeRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
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
    private final WorkflowConfig config;
    private final Clock clock;

    public Supervision(HandlingCaseRepository cases, DeadlineNoticeRepository notices, CaseHistory history, Outbox outbox,
            WorkflowConfig config, Clock clock) {
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
            sent += QuarkusTransaction.requiringNew().call(() -> notify(id, today));
        }
        return sent;
    }

    private int notify(UUID id, LocalDate today) {
        HandlingCase c = cases.findById(id);
        if (c == null || !DeadlineNoticeRepository.OWING.contains(c.state)) {
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
            outbox.append(CaseEventType.OVERDUE, c.suggestionId.toString(), common(c)
                    .with("deadline", deadline).with("dueOn", c.dueOn).with("daysOverdue", -daysLeft)
                    .with("leaderInCharge", c.leaderInCharge).with("escalatedTo", escalatedTo));
            return 1;
        }
        // the tightest reminder that applies: a job that missed a day still sends the right one, once
        Optional<Integer> reminder = config.reminderDays().stream().filter(d -> d >= daysLeft).min(Comparator.naturalOrder());
        if (reminder.isEmpty() || !notices.recordOnce(c.id, c.dueOn, "REMINDER_" + reminder.get(), clock.instant())) {
            return 0;
        }
        outbox.append(CaseEventType.DEADLINE_APPROACHING, c.suggestionId.toString(), common(c)
                .with("deadline", deadline).with("dueOn", c.dueOn).with("daysLeft", daysLeft).with("reminderDays", reminder.get())
                .with("leaderInCharge", c.leaderInCharge).with("responsiblePerson", c.responsiblePerson));
        return 1;
    }

    /** 催办 by the congress office or the government supervision office: in the history and as case.chased.v1. */
    @Transactional
    public HandlingCase chase(UUID id, Caller caller, String comment) {
        HandlingCase c = cases.findVisible(id, caller, true).orElseThrow(() -> new NotFoundException(
                Text.of("没有您可查看的案件 " + id, "no case " + id + " visible to you")));
        if (!DeadlineNoticeRepository.OWING.contains(c.state)) {
            throw new ConflictException(Text.of("案件处于 " + c.state + " 状态,已无待办事项可催办",
                    "the case is " + c.state + "; nothing is owed that could be chased"));
        }
        var entry = history.append(c.id, "CHASE", c.state.name(), c.state.name(), caller.subject(), clock.instant(), comment, null);
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        c.updatedAt = entry.occurredAt;
        outbox.append(CaseEventType.CHASED, c.suggestionId.toString(), common(c, caller.subject())
                .with("comment", comment).with("dueOn", c.dueOn)
                .with("chasedBy", caller.hasRole(Caller.CONGRESS_OFFICE) ? Caller.CONGRESS_OFFICE : Caller.GOV_SUPERVISOR));
        cases.flush();
        return c;
    }

    private CaseEventData common(HandlingCase c) {
        return common(c, CaseOpening.SYSTEM_ACTOR);
    }

    private CaseEventData common(HandlingCase c, String actor) {
        return new CaseEventData(c.id, c.suggestionId, c.congressBody, c.number, c.unitCode, c.role.name(), c.state.name(),
                clock.instant(), actor);
    }
}
