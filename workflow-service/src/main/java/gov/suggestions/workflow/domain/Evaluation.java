package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The deputy's evaluation of the reply of one round. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public short round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvaluationResult result;

    public String comments;

    @Enumerated(EnumType.STRING)
    @Column(name = "communication_rating")
    public EvaluationResult communicationRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_rating")
    public EvaluationResult resultRating;

    @Column(name = "deputy_id", nullable = false)
    public String deputyId;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** The day of the evaluation, as the deputy dated it (evaluatedAt is when it was recorded). */
    @Column(name = "evaluated_on", nullable = false)
    public java.time.LocalDate evaluatedOn;
}
