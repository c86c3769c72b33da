package gov.suggestions.reporting.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;

import gov.suggestions.reporting.domain.InboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InboxEventRepository implements PanacheRepositoryBase<InboxEvent, InboxEvent.Key> {

    /** The batch open on this thread, if any (see {@link #inBatch}). */
    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    /**
     * Records the event as processed in the current transaction.
     * @return false when it was processed before (a redelivery): the caller then skips the effect
     */
    public boolean recordFirstDelivery(String source, String eventId, String eventType) {
        Batch batch = BATCH.get();
        if (batch != null) {
            return batch.firstDelivery(source, eventId, eventType);
        }
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

    /**
     * Runs {@code work} with the inbox answered in memory for the given events: one query finds which of them
     * were processed before, repeats within the batch are caught in memory, and the new rows are written in one
     * statement at the end. Same semantics as one insert per event, for a caller that is the inbox's only writer
     * in this transaction (the rebuild, whose fresh inbox no one else writes).
     */
    public void inBatch(Collection<InboxEvent.Key> keys, Written written, Runnable work) {
        // a key the filter has not seen was never written to this inbox: only the few it may have seen are looked up
        List<InboxEvent.Key> maybeSeen = keys.stream().filter(written::mightContain).toList();
        Batch batch = new Batch(processedBefore(maybeSeen));
        BATCH.set(batch);
        try {
            work.run();
        } finally {
            BATCH.remove();
        }
        batch.write(getEntityManager().unwrap(Session.class));
        batch.fresh.forEach(row -> written.add(row[0], row[1]));
    }

    /**
     * A Bloom filter (Guava's) of the keys written to an inbox that only its holder writes (a rebuild's fresh inbox):
     * "no" is certain, "maybe" is asked of the table. A million events take about 2.5 MB instead of a query per poll
     * whose join over the growing table PostgreSQL may plan as a scan of it (the fresh table has no statistics yet);
     * about one key in 15,000 is a false "maybe", so most polls ask nothing.
     */
    public static final class Written {
        private static final Funnel<InboxEvent.Key> KEY = (key, into) -> into.putString(key.source, StandardCharsets.UTF_8)
                .putChar('\n').putString(key.eventId, StandardCharsets.UTF_8);
        private final BloomFilter<InboxEvent.Key> filter;

        public Written(long expectedKeys) {
            // beyond 10 million keys it only asks the table more often
            filter = BloomFilter.create(KEY, Math.max(1 << 16, Math.min(expectedKeys, 10_000_000L)), 1.0 / 15_000);
        }

        boolean mightContain(InboxEvent.Key key) {
            return filter.mightContain(key);
        }

        void add(String source, String eventId) {
            filter.put(new InboxEvent.Key(source, eventId));
        }
    }

    private Set<InboxEvent.Key> processedBefore(Collection<InboxEvent.Key> keys) {
        Set<InboxEvent.Key> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] sources = keys.stream().map(k -> k.source).toArray(String[]::new);
        String[] ids = keys.stream().map(k -> k.eventId).toArray(String[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.prepareStatement("""
                    SELECT i.source, i.event_id FROM inbox_event i
                    JOIN unnest(?::varchar[], ?::varchar[]) AS k(source, event_id) ON k.source = i.source AND k.event_id = i.event_id""")) {
                statement.setArray(1, connection.createArrayOf("varchar", sources));
                statement.setArray(2, connection.createArrayOf("varchar", ids));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new InboxEvent.Key(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        });
        return found;
    }

    private static final class Batch {
        private final Set<InboxEvent.Key> seen;
        private final List<String[]> fresh = new ArrayList<>();

        Batch(Set<InboxEvent.Key> processedBefore) {
            this.seen = processedBefore;
        }

        boolean firstDelivery(String source, String eventId, String eventType) {
            if (!seen.add(new InboxEvent.Key(source, eventId))) {
                return false;
            }
            fresh.add(new String[] { source, eventId, eventType });
            return true;
        }

        void write(Session session) {
            if (fresh.isEmpty()) {
                return;
            }
            session.doWork(connection -> {
                try (var statement = connection.prepareStatement("""
                        INSERT INTO inbox_event (source, event_id, event_type, processed_at)
                        SELECT source, event_id, event_type, now() FROM unnest(?::varchar[], ?::varchar[], ?::varchar[])
                               AS e(source, event_id, event_type)""")) {
                    statement.setArray(1, connection.createArrayOf("varchar", fresh.stream().map(r -> r[0]).toArray()));
                    statement.setArray(2, connection.createArrayOf("varchar", fresh.stream().map(r -> r[1]).toArray()));
                    statement.setArray(3, connection.createArrayOf("varchar", fresh.stream().map(r -> r[2]).toArray()));
                    statement.executeUpdate();
                }
            });
        }
    }
}
