package gov.suggestions.workflow.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepository<OutboxEvent> {

    /** Arbitrary constant naming this service's outbox advisory locks (first key of the two-int lock). */
    private static final int OUTBOX_LOCK_SPACE = 0x5347_0002;

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

    // Native statements with one array parameter: with "in ?1" Hibernate translated the query again for every list
    // size, which was most of the relay's CPU under load.
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> nextUnpublished(List<Short> slots, int limit) {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL AND key_slot = ANY(CAST(:slots AS smallint[])) ORDER BY id LIMIT :limit",
                OutboxEvent.class)
                .setParameter("slots", slots.toArray(Short[]::new))
                .setParameter("limit", limit)
                .getResultList();
    }

    public int markPublished(List<Long> ids, Instant at) {
        return getEntityManager().createNativeQuery("UPDATE outbox_event SET published_at = :at WHERE id = ANY(CAST(:ids AS bigint[]))")
                .setParameter("at", at)
                .setParameter("ids", ids.toArray(Long[]::new))
                .executeUpdate();
    }

    public long deletePublishedBefore(Instant before) {
        return delete("publishedAt < ?1", before);
    }

    /** Rows not yet published and the oldest one's time, read through the partial index of unpublished rows. */
    public Backlog backlog() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                "SELECT count(*), CAST(EXTRACT(EPOCH FROM min(occurred_at)) * 1000 AS bigint) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), row[1] == null ? null : Instant.ofEpochMilli(((Number) row[1]).longValue()));
    }

    /** The unpublished rows: how many, and when the oldest was written ({@code null} when none waits). */
    public record Backlog(long rows, Instant oldestOccurredAt) {
    }
}
