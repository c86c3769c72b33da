package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A JOINT unit's written opinion sent to the lead unit (会办意见). */
@Entity
@Table(name = "joint_opinion")
public class JointOpinion {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Column(nullable = false)
    public String content;

    /** The contact persons, as in the draft (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Contact> contacts;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** The day the opinion was sent, as the unit dated it (sentAt is when it was recorded). */
    @Column(name = "sent_on", nullable = false)
    public LocalDate sentOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "on_time", nullable = false)
    public boolean onTime;

    @Column(name = "sent_by", nullable = false)
    public String sentBy;
}
