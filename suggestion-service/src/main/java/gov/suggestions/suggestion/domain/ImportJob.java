package gov.suggestions.suggestion.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bulk import: how far it got, and how many rows were accepted, already there, or rejected. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum State { RUNNING, COMPLETED, FAILED }

    @Id
    public UUID id;

    @Column(name = "congress_body")
    public String congressBody;

    /** JSON or XLSX. */
    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int processed;

    @Column(nullable = false)
    public int accepted;

    /** Rows whose number was already registered in the congress body: idempotent re-import. */
    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int rejected;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String failure;
}
