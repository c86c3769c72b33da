package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A measure promised in an issued reply, tracked until fulfilled. */
@Entity
@Table(name = "commitment")
public class Commitment {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public short round;

    @Column(nullable = false)
    public String measure;

    @Column(nullable = false)
    public String owner;

    @Column(name = "target_date", nullable = false)
    public LocalDate targetDate;

    @Column(name = "fulfilled_on")
    public LocalDate fulfilledOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
