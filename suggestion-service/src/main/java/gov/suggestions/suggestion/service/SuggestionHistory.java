package gov.suggestions.suggestion.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionHistoryEntry;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.repository.SuggestionHistoryRepository;
import gov.suggestions.suggestion.repository.SuggestionRepository;

/**
 * The tamper-evident history of each suggestion. Each entry's hash covers the previous entry's hash and the
 * entry's own canonical form, so altering, removing or reordering any row breaks the chain from there on.
 */
@ApplicationScoped
public class SuggestionHistory {

    public static final String GENESIS = "0".repeat(64);

    // a plain mapper: the canonical form must not change with the application's JSON settings
    private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final SuggestionHistoryRepository entries;
    private final SuggestionRepository suggestions;

    public SuggestionHistory(SuggestionHistoryRepository entries, SuggestionRepository suggestions) {
        this.entries = entries;
        this.suggestions = suggestions;
    }

    /** Appends in the caller's transaction, holding the suggestion's row lock so that seq cannot race. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SuggestionHistoryEntry append(Suggestion suggestion, String action, String actor, Map<String, ?> changes) {
        return append(suggestion, true, action, actor, changes);
    }

    /** Without {@code existing}, the suggestion is new in this transaction: its first entry needs no lock nor look-up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SuggestionHistoryEntry append(Suggestion suggestion, boolean existing, String action, String actor, Map<String, ?> changes) {
        SuggestionHistoryEntry previous = null;
        if (existing) {
            suggestions.getEntityManager().lock(suggestion, LockModeType.PESSIMISTIC_WRITE);
            previous = entries.last(suggestion.id).orElse(null);
        }
        if (previous != null && previous.seq >= Limits.HISTORY_ENTRIES) {
            throw new ConflictException(Text.of("建议的历史记录已达 " + Limits.HISTORY_ENTRIES + " 条,不能再变更",
                    "The suggestion's history holds " + Limits.HISTORY_ENTRIES + " entries; it cannot change any more"), null);
        }
        SuggestionHistoryEntry entry = new SuggestionHistoryEntry();
        entry.suggestionId = suggestion.id;
        entry.seq = previous == null ? 1 : previous.seq + 1;
        entry.action = action;
        entry.actor = actor;
        // the database keeps microseconds: hash what will be read back
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.changes = changesJson(changes);
        entry.prevHash = previous == null ? GENESIS : previous.hash;
        entry.hash = hash(entry.prevHash, entry);
        entries.persist(entry);
        return entry;
    }

    /** The first entry of a suggestion inserted in this transaction. */
    public record First(Suggestion suggestion, String action, String actor, Map<String, ?> changes) {
    }

    /** First entries of many new suggestions with one JDBC batch (bulk imports); the rows must exist already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendFirstAll(List<First> firsts) {
        if (firsts.isEmpty()) {
            return;
        }
        List<SuggestionHistoryEntry> built = firsts.stream().map(f -> {
            SuggestionHistoryEntry entry = new SuggestionHistoryEntry();
            entry.suggestionId = f.suggestion().id;
            entry.seq = 1;
            entry.action = f.action();
            entry.actor = f.actor();
            entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            entry.changes = changesJson(f.changes());
            entry.prevHash = GENESIS;
            entry.hash = hash(entry.prevHash, entry);
            return entry;
        }).toList();
        entries.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO suggestion_history (suggestion_id, seq, action, actor, occurred_at, changes, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SuggestionHistoryEntry e : built) {
                    insert.setObject(1, e.suggestionId);
                    insert.setInt(2, e.seq);
                    insert.setString(3, e.action);
                    insert.setString(4, e.actor);
                    insert.setObject(5, e.occurredAt.atOffset(java.time.ZoneOffset.UTC));
                    insert.setString(6, e.changes);
                    insert.setString(7, e.prevHash);
                    insert.setString(8, e.hash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The entries in order: at most {@link Limits#HISTORY_ENTRIES}, since no more are appended. */
    @Transactional
    public List<SuggestionHistoryEntry> of(UUID suggestionId) {
        return entries.ofSuggestion(suggestionId, Limits.HISTORY_ENTRIES);
    }

    /** Recomputes the chain from the first entry and names the first link that does not hold. */
    @Transactional
    public Verification verify(UUID suggestionId) {
        List<SuggestionHistoryEntry> chain = entries.ofSuggestion(suggestionId);
        String expectedPrev = GENESIS;
        int expectedSeq = 1;
        for (SuggestionHistoryEntry entry : chain) {
            if (entry.seq != expectedSeq) {
                return Verification.broken(chain.size(), expectedSeq, "entry " + expectedSeq + " is missing");
            }
            if (!entry.prevHash.equals(expectedPrev)) {
                return Verification.broken(chain.size(), entry.seq, "entry " + entry.seq + " does not point to the hash of entry " + (entry.seq - 1));
            }
            if (!entry.hash.equals(hash(entry.prevHash, entry))) {
                return Verification.broken(chain.size(), entry.seq, "entry " + entry.seq + " was altered after it was written");
            }
            expectedPrev = entry.hash;
            expectedSeq++;
        }
        return new Verification(true, chain.size(), null, null, chain.isEmpty() ? null : expectedPrev);
    }

    /** The changes as stored; never longer than {@link Limits#HISTORY_CHANGES} (the inputs' own limits keep them well below). */
    static String changesJson(Map<String, ?> changes) {
        String json = json(changes);
        if (json.length() > Limits.HISTORY_CHANGES) {
            throw new IllegalStateException("history changes of " + json.length() + " characters exceed " + Limits.HISTORY_CHANGES);
        }
        return json;
    }

    static String json(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(SuggestionHistoryEntry e) {
        return json(Arrays.asList(e.suggestionId.toString(), e.seq, e.action, e.actor, e.occurredAt.toString(), e.changes));
    }

    static String hash(String prevHash, SuggestionHistoryEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Result of a verification: the first broken link (seq) and why, or valid with the head hash. */
    public record Verification(boolean valid, int entries, Integer firstBrokenSeq, String reason, String headHash) {
        static Verification broken(int entries, int seq, String reason) {
            return new Verification(false, entries, seq, reason, null);
        }
    }
}
