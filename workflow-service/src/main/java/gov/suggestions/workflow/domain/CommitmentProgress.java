package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One progress report on a commitment (reported to the deputy through case.commitment-updated.v1). */
@Entity
@Table(name = "commitment_progress")
public class CommitmentProgress {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Column(nullable = false)
    public String note;

    @Column(nullable = false)
    public boolean fulfilled;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
}
