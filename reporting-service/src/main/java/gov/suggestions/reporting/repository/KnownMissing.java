package gov.suggestions.reporting.repository;

import java.util.Set;

/**
 * Ids a batch loader has found absent from the database, for the batch running on this thread: the first lookup
 * of such an id answers "none" without a query (the projection then creates the row, and later lookups find it in
 * the persistence context). Only the rebuild uses it, whose fresh tables no one else writes.
 */
public final class KnownMissing {

    private static final ThreadLocal<Set<Object>> IDS = new ThreadLocal<>();

    private KnownMissing() {
    }

    public static void during(Set<Object> ids, Runnable work) {
        IDS.set(ids);
        try {
            work.run();
        } finally {
            IDS.remove();
        }
    }

    /** True once for an id known to be absent; the caller then creates it. */
    static boolean claim(Object id) {
        Set<Object> ids = IDS.get();
        return ids != null && ids.remove(id);
    }
}
