package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assisting department's written opinion to the undertaking department (协办意见), inside the unit. */
@Entity
@Table(name = "assisting_opinion")
public class AssistingOpinion {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String department;

    @Column(nullable = false)
    public String content;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "on_time", nullable = false)
    public boolean onTime;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
}
