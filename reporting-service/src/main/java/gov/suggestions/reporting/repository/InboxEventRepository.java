package gov.suggestions.reporting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import gov.suggestions.reporting.event.InboxEvent;
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
     * A Bloom filter of the keys written to an inbox that only its holder writes (a rebuild's fresh inbox): "no" is
     * certain, "maybe" is asked of the table. 32 to 64 bits a key, so a million events take 4 MB instead of a
     * query per poll whose join over the growing table PostgreSQL may plan as a scan of it (the fresh table has no
     * statistics yet); about one key in 15,000 is a false "maybe", so most polls ask nothing.
     */
    public static final class Written {
        private static final int PROBES = 5;
        private final long[] bits;
        private final long size;

        public Written(long expectedKeys) {
            // at least 32 bits a key at the expected count; capped at 32 MB (beyond 8 million keys it only asks more often)
            size = Math.max(1L << 20, Math.min(Long.highestOneBit(Math.max(1, expectedKeys)) << 6, 1L << 28));
            bits = new long[(int) (size >>> 6)];
        }

        boolean mightContain(InboxEvent.Key key) {
            long h = hash(key.source, key.eventId);
            long step = mix(h) | 1;
            for (int i = 0; i < PROBES; i++) {
                long bit = Math.floorMod(h + i * step, size);
                if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        void add(String source, String eventId) {
            long h = hash(source, eventId);
            long step = mix(h) | 1;
            for (int i = 0; i < PROBES; i++) {
                long bit = Math.floorMod(h + i * step, size);
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
        }

        /** 64-bit FNV-1a over both strings, then mixed (the low bits pick the slot). */
        private static long hash(String source, String eventId) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < source.length(); i++) {
                h = (h ^ source.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ '\n') * 0x100000001b3L;
            for (int i = 0; i < eventId.length(); i++) {
                h = (h ^ eventId.charAt(i)) * 0x100000001b3L;
            }
            return mix(h);
        }

        /** The finaliser of MurmurHash3 (fmix64). */
        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
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
