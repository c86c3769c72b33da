package gov.suggestions.suggestion.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a suggestion's append-only, hash-chained history: who did what when, and what changed. */
@Entity
@Table(name = "suggestion_history")
public class SuggestionHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "suggestion_id", nullable = false, updatable = false)
    public UUID suggestionId;

    @Column(nullable = false, updatable = false)
    public int seq;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** JSON object of the changed fields and their new values; text, not jsonb: the entry's hash covers these very characters. */
    @Column(nullable = false, updatable = false)
    public String changes;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    public String prevHash;

    @Column(nullable = false, updatable = false)
    public String hash;
}
