package gov.suggestions.reporting.repository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

/**
 * The read-model rows of the batch running on this thread (only the rebuild runs one, whose fresh tables no one
 * else writes): ids the batch loader found absent answer "none" on their first lookup without a query, and the rows
 * then created are kept here and persisted once at the end of the batch, so each is inserted with its final state
 * (a row persisted at once would be inserted as first seen and then updated at the flush).
 */
public final class BatchRows {

    /** A row of one read-model table. */
    public record Key(Class<?> type, Object id) {
    }

    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    private BatchRows() {
    }

    /** Runs {@code work} with {@code missing} known absent, then persists the rows it created. */
    public static void during(Set<Key> missing, EntityManager em, Runnable work) {
        Batch batch = new Batch(missing);
        BATCH.set(batch);
        try {
            work.run();
        } finally {
            BATCH.remove();
        }
        batch.created.values().forEach(em::persist);
    }

    /** The row, from this batch's new rows, else none for an id known absent, else from the persistence context or database. */
    static <T> T find(EntityManager em, Class<T> type, Object id) {
        Batch batch = BATCH.get();
        if (batch != null) {
            Key key = new Key(type, id);
            Object created = batch.created.get(key);
            if (created != null) {
                return type.cast(created);
            }
            if (batch.missing.remove(key)) {
                return null;
            }
        }
        return em.find(type, id);
    }

    /** Persists a new row, at the end of the batch if one runs. */
    static <T> void persist(EntityManager em, Class<T> type, Object id, T row) {
        Batch batch = BATCH.get();
        if (batch != null) {
            batch.created.put(new Key(type, id), row);
        } else {
            em.persist(row);
        }
    }

    private static final class Batch {
        final Set<Key> missing;
        final Map<Key, Object> created = new LinkedHashMap<>();

        Batch(Set<Key> missing) {
            this.missing = missing;
        }
    }
}
