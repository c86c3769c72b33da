package gov.suggestions.workflow.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.domain.CaseAction;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.event.CaseEventData;
import gov.suggestions.workflow.event.Outbox;

/**
 * Applies a transition and records it twice in the same transaction: in the case's hash-chained
 * history and as a {@code case.*} event in the outbox.
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
     * @param details the step's own facts: kept in the history entry and added to the event's data
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(HandlingCase c, CaseAction action, CaseState to, String actor, String comment, String eventType,
            Map<String, Object> details) {
        record(c, action, to, actor, comment, eventType, details, null);
    }

    /**
     * As {@link #record(HandlingCase, CaseAction, CaseState, String, String, String, Map)} for a step that took place on
     * {@code stepDate} (the caller's date, in {@code details} too): the history entry keeps when it was recorded (the
     * chain's order), the event's {@code occurredAt} is now when the step is of today, else the start of its day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(HandlingCase c, CaseAction action, CaseState to, String actor, String comment, String eventType,
            Map<String, Object> details, java.time.LocalDate stepDate) {
        Instant now = clock.instant();
        CaseState from = c.state;
        c.state = to;
        c.updatedAt = now;
        CaseHistoryEntry entry = history.append(c.id, action.name(), from == null ? null : from.name(), to.name(), actor, now,
                comment, details.isEmpty() ? null : json.write(details));
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        CaseEventData data = new CaseEventData(c.id, c.suggestionId, c.congressBody, c.number, c.unitCode, c.role.name(),
                to.name(), stepDate == null ? entry.occurredAt : dates.occurredAt(stepDate), entry.actor);
        data.with("comment", comment);
        details.forEach(data::with);
        if (imports.current().isPresent()) {
            // a step of the old platform: counted as any other; tolerant readers ignore the flag
            data.with("imported", true);
        }
        outbox.append(eventType, c.suggestionId.toString(), data);
    }
}
