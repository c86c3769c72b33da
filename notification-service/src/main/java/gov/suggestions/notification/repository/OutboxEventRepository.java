package gov.suggestions.notification.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.event.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepository<OutboxEvent> {

    /** Arbitrary constant naming this service's outbox advisory locks (first key of the two-int lock). */
    private static final int OUTBOX_LOCK_SPACE = 0x5347_0003;

    /**
     * Takes, for the current transaction, every key slot no other replica holds. Holding a slot
     * exclusively keeps each suggestion's events in order even with several relays running.
     */
    @SuppressWarnings("unchecked")
    public List<Short> lockFreeSlots(int slots) {
        List<Number> rows = getEntityManager().createNativeQuery(
                "SELECT s FROM generate_series(0, :last) AS s WHERE pg_try_advisory_xact_lock(:space, s)")
                .setParameter("last", slots - 1)
                .setParameter("space", OUTBOX_LOCK_SPACE)
                .getResultList();
        return rows.stream().map(Number::shortValue).toList();
    }

    public List<OutboxEvent> nextUnpublished(List<Short> slots, int limit) {
        return find("publishedAt is null and keySlot in ?1 order by id", slots).page(0, limit).list();
    }

    public int markPublished(List<Long> ids, Instant at) {
        return update("publishedAt = ?1 where id in ?2", at, ids);
    }

    public long deletePublishedBefore(Instant before) {
        return delete("publishedAt < ?1", before);
    }
}
