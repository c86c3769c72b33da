package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a case's append-only, hash-chained history; never updated once written. */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state", nullable = false)
    public String toState;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String comment;

    /**
     * What the step recorded beyond the transition (JSON), e.g. the review step or the document number. Text, not jsonb:
     * the entry's hash covers these very characters.
     */
    public String detail;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
