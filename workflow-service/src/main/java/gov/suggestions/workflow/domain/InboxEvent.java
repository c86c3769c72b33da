package gov.suggestions.workflow.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An event this service has processed; CloudEvents are unique by (source, id). */
@Entity
@Table(name = "inbox_event")
public class InboxEvent {

    @EmbeddedId
    public Key key;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "source")
        public String source;

        @Column(name = "event_id")
        public String eventId;

        public Key() {
        }

        public Key(String source, String eventId) {
            this.source = source;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && source.equals(other.source) && eventId.equals(other.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, eventId);
        }
    }
}
