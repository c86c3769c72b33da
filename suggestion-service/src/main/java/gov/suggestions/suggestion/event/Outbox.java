package gov.suggestions.suggestion.event;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.suggestion.config.OutboxConfig;
import gov.suggestions.suggestion.domain.OutboxEvent;
import gov.suggestions.suggestion.repository.OutboxEventRepository;

/** Appends events to the outbox inside the caller's transaction: the state change and its event commit together. */
@ApplicationScoped
public class Outbox {

    private final OutboxEventRepository repository;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final Event<OutboxAppended> appended;

    public Outbox(OutboxEventRepository repository, ObjectMapper objectMapper, OutboxConfig config,
            Event<OutboxAppended> appended) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.config = config;
        this.appended = appended;
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
        event.occurredAt = Instant.now();
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

    /** An event to append with {@link #appendAll}. */
    public record Pending(String eventType, String key, Object data) {
    }

    /**
     * Appends many events with one JDBC batch (bulk imports): the rows get increasing ids in list order, as if
     * appended one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EventTrace trace = EventTrace.current();
        repository.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (event_id, event_type, aggregate_id, key_slot, payload, occurred_at, traceparent, tracestate)"
                            + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)")) {
                for (Pending event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, event.eventType());
                    insert.setString(3, event.key());
                    insert.setShort(4, slotOf(event.key(), config.keySlots()));
                    insert.setString(5, toJson(event.data()));
                    insert.setObject(6, now);
                    insert.setString(7, trace == null ? null : trace.traceparent());
                    insert.setString(8, trace == null ? null : trace.tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        appended.fire(new OutboxAppended(0));
    }

    /** Every event of one suggestion falls in the same slot; one relay at a time owns a slot. */
    static short slotOf(String key, int slots) {
        return (short) Math.floorMod(key.hashCode(), slots);
    }

    // plain JDBC (Hibernate does not batch IDENTITY inserts): the batch hands PostgreSQL the JSON text itself
    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
