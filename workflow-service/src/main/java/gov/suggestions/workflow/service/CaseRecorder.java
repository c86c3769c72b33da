package gov.suggestions.workflow.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.domain.CaseEvent;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.Transition;
import gov.suggestions.workflow.event.CaseEventData;
import gov.suggestions.workflow.event.Outbox;

/**
 * Records a step the case took, twice in the same transaction: in the case's hash-chained history and as its
 * {@code case.*} event in the outbox (the typed event's fields, after the common ones and the comment).
 */
@ApplicationScoped
public class CaseRecorder {

    private final CaseHistory history;
    private final Outbox outbox;
    private final Json json;
    private final Clock clock;

    private final StepDates dates;
    private final ImportMarks imports;

    public CaseRecorder(CaseHistory history, Outbox outbox, Json json, Clock clock, StepDates dates, ImportMarks imports) {
        this.dates = dates;
        this.imports = imports;
        this.history = history;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The step's event fields are kept in the history entry and added to the event's data. A step dated by the caller
     * ({@code on}): the history entry keeps when it was recorded (the chain's order), the event's {@code occurredAt} is
     * now when the step is of today, else the start of its day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(HandlingCase c, Transition<? extends CaseEvent> step, String actor) {
        Map<String, Object> details = step.event().details();
        CaseHistoryEntry entry = append(c, step, actor, details);
        CaseEventData data = new CaseEventData(c.id, c.suggestionId, c.congressBody, c.number, c.unitCode, c.role.name(),
                step.to().name(), step.on() == null ? entry.occurredAt : dates.occurredAt(step.on()), entry.actor);
        data.with("comment", step.comment());
        details.forEach(data::with);
        if (imports.current().isPresent()) {
            // a step of the old platform: counted as any other; tolerant readers ignore the flag
            data.with("imported", true);
        }
        outbox.append(step.event().type(), c.suggestionId.toString(), data);
    }

    /** A step without an event of its own (a saved draft, an assisting opinion): the history only, with its details. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendOnly(HandlingCase c, Transition<?> step, String actor, Map<String, Object> details) {
        append(c, step, actor, details);
    }

    private CaseHistoryEntry append(HandlingCase c, Transition<?> step, String actor, Map<String, Object> details) {
        Instant now = clock.instant();
        c.state = step.to();
        c.updatedAt = now;
        CaseHistoryEntry entry = history.append(c.id, step.action().name(), step.from() == null ? null : step.from().name(),
                step.to().name(), actor, now, step.comment(), details.isEmpty() ? null : json.write(details));
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        return entry;
    }
}
