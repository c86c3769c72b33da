package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.repository.CaseHistoryRepository;

/**
 * The tamper-evident history of each case. Each entry's hash covers the previous entry's hash and
 * the entry's own canonical form, so altering, removing or reordering any row breaks every later link.
 */
@ApplicationScoped
public class CaseHistory {

    public static final String GENESIS = "0".repeat(64);

    // a plain mapper: the canonical form must not change with the application's JSON settings
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final CaseHistoryRepository entries;
    private final ImportMarks imports;
    private final ObjectMapper mapper;

    public CaseHistory(CaseHistoryRepository entries, ImportMarks imports, ObjectMapper mapper) {
        this.entries = entries;
        this.imports = imports;
        this.mapper = mapper;
    }

    /**
     * Appends in the caller's transaction; the caller holds the case's row lock, so seq cannot race. Within an imported
     * step (ImportMarks) the entry's detail gains {@code imported: {by, sourceRecord, step}}, and what the import's
     * caller did is recorded as done by the step's actor on the old platform (entries of the system keep their actor).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseHistoryEntry append(UUID caseId, String action, String fromState, String toState, String actor,
            Instant at, String comment, String detail) {
        Caller.ImportedStep imported = imports.current().orElse(null);
        if (imported != null) {
            detail = markImported(detail, imported);
            if (imported.by().equals(actor)) {
                actor = imported.actor();
            }
        }
        if (detail != null && detail.length() > Limits.HISTORY_DETAIL) {
            // the requests' own limits keep every step's facts far below this; the API documents it as the detail's bound
            throw new IllegalStateException("history detail of " + detail.length() + " characters exceeds " + Limits.HISTORY_DETAIL);
        }
        CaseHistoryEntry previous = entries.last(caseId).orElse(null);
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.caseId = caseId;
        entry.seq = previous == null ? 1 : previous.seq + 1;
        entry.action = action;
        entry.fromState = fromState;
        entry.toState = toState;
        entry.actor = actor;
        // the database keeps microseconds: hash what will be read back
        entry.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        entry.comment = comment;
        entry.detail = detail;
        entry.prevHash = previous == null ? GENESIS : previous.hash;
        entry.hash = hash(entry.prevHash, entry);
        entries.persist(entry);
        return entry;
    }

    private String markImported(String detail, Caller.ImportedStep imported) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = detail == null ? mapper.createObjectNode()
                    : (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(detail);
            node.set("imported", mapper.valueToTree(ImportMarks.detail(imported)));
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail is not a JSON object", e);
        }
    }

    @Transactional
    public List<CaseHistoryEntry> of(UUID caseId) {
        return entries.ofCase(caseId);
    }

    /** A part of the history: at most {@code limit} entries from {@code fromSeq} on. */
    @Transactional
    public List<CaseHistoryEntry> of(UUID caseId, int fromSeq, int limit) {
        return entries.ofCase(caseId, fromSeq, limit);
    }

    /** Recomputes the chain from the first entry and names the first link that does not hold. */
    @Transactional
    public Verification verify(UUID caseId) {
        List<CaseHistoryEntry> chain = entries.ofCase(caseId);
        String expectedPrev = GENESIS;
        int expectedSeq = 1;
        for (CaseHistoryEntry entry : chain) {
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

    static String canonical(CaseHistoryEntry e) {
        try {
            return CANONICAL.writeValueAsString(Arrays.asList(e.caseId.toString(), e.seq, e.action, e.fromState, e.toState,
                    e.actor, e.occurredAt.toString(), e.comment, e.detail));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String hash(String prevHash, CaseHistoryEntry e) {
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
