package gov.suggestions.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event waiting in (or already relayed from) the transactional outbox. The identity column
 * orders rows as they were written; the relay publishes in that order per key slot.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    // IDENTITY, not a pooled sequence: pooled ranges handed to different replicas would break id order per suggestion
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "key_slot", nullable = false)
    public short keySlot;

    /** The event's data, a jsonb column: PostgreSQL keeps the parsed JSON, not the text as written (keys in its own order). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C trace context of the work that wrote the event; null when it ran outside any trace. */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "tracestate")
    public String tracestate;
}
