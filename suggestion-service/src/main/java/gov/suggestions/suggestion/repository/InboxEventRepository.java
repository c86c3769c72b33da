package gov.suggestions.suggestion.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The inbox of consumed events: one row per (source, id), written with the event's effect. */
@ApplicationScoped
public class InboxEventRepository {

    private final EntityManager entityManager;

    public InboxEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed in the current transaction.
     * @return false when it was processed before (a redelivery): the caller then skips the effect
     */
    public boolean recordFirstDelivery(String source, String eventId, String eventType) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (source, event_id, event_type, processed_at)
                VALUES (:source, :id, :type, :at)
                ON CONFLICT (source, event_id) DO NOTHING""")
                .setParameter("source", source)
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .setParameter("at", Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
