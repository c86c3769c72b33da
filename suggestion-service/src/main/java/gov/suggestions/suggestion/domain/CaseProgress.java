package gov.suggestions.suggestion.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One unit's case on a suggestion, as workflow-service last reported it. */
@Entity
@Table(name = "case_progress")
public class CaseProgress {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String state;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "last_event", nullable = false)
    public String lastEvent;
}
