package gov.suggestions.workflow.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.InboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InboxEventRepository implements PanacheRepositoryBase<InboxEvent, InboxEvent.Key> {

    /**
     * Records the event as processed in the current transaction.
     * @return false when it was processed before (a redelivery): the caller then skips the effect
     */
    public boolean recordFirstDelivery(String source, String eventId, String eventType) {
        int inserted = getEntityManager().createNativeQuery("""
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
