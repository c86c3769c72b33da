package gov.suggestions.workflow.event;

import gov.suggestions.workflow.domain.OutboxEvent;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.workflow.config.OutboxConfig;
import gov.suggestions.workflow.repository.OutboxEventRepository;

/** Appends events to the outbox inside the caller's transaction: the state change and its event commit together. */
@ApplicationScoped
public class Outbox {

    private final OutboxEventRepository repository;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final Event<OutboxAppended> appended;
    private final Clock clock;

    public Outbox(OutboxEventRepository repository, ObjectMapper objectMapper, OutboxConfig config,
            Event<OutboxAppended> appended, Clock clock) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.config = config;
        this.appended = appended;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String eventType, String suggestionId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = eventType;
        event.aggregateId = suggestionId;
        event.keySlot = slotOf(suggestionId, config.keySlots());
        // the application's JSON settings, as the REST answers use them; Hibernate writes the tree to the jsonb column
        event.payload = objectMapper.valueToTree(data);
        event.occurredAt = clock.instant();
        // the request's (or the consumed event's) trace goes on in every service that handles this event
        EventTrace trace = EventTrace.current();
        if (trace != null) {
            event.traceparent = trace.traceparent();
            event.tracestate = trace.tracestate();
        }
        repository.persist(event);
        appended.fire(new OutboxAppended(event.id));
        return event;
    }

    /** Every event of one suggestion falls in the same slot; one relay at a time owns a slot. */
    static short slotOf(String key, int slots) {
        return (short) Math.floorMod(key.hashCode(), slots);
    }
}
