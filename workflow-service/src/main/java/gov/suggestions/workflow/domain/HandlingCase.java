package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One unit's handling of one suggestion (办理案件), with the suggestion's facts as the assignment carried them. */
@Entity
@Table(name = "handling_case")
public class HandlingCase {

    @Id
    public UUID id;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public short year;

    @Column(name = "supervision_level", nullable = false)
    public String supervisionLevel;

    @Column(nullable = false)
    public String priority;

    @Column(name = "lead_deputy_id", nullable = false)
    public String leadDeputyId;

    @Column(name = "lead_deputy_name", nullable = false)
    public String leadDeputyName;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(name = "assigned_on", nullable = false)
    public LocalDate assignedOn;

    /** The deadline in force: reply (or joint opinion) due, moved by re-handling. */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** 1 for the first handling, 2 after a re-handling. */
    @Column(nullable = false)
    public short round;

    @Column(name = "leader_in_charge")
    public String leaderInCharge;

    @Column(name = "lead_handler")
    public String leadHandler;

    /** Token subject of the leader in charge: decides the LEADER_IN_CHARGE review step. */
    @Column(name = "leader_in_charge_id")
    public String leaderInChargeId;

    /** Token subject of the leader leading the handling (局领导牵头), when one is named. */
    @Column(name = "lead_handler_id")
    public String leadHandlerId;

    /** Token subject of the undertaking department's head: when named, decides the DEPARTMENT_HEAD review step. */
    @Column(name = "department_head_id")
    public String departmentHeadId;

    @Column(name = "undertaking_department")
    public String undertakingDepartment;

    /** JSON array of department names. */
    @Column(name = "assisting_departments")
    public String assistingDepartments;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    @Column(name = "internal_deadline")
    public LocalDate internalDeadline;

    /** The day of the distribution (分办) as the unit dated it; null before it. */
    @Column(name = "distributed_on")
    public LocalDate distributedOn;

    /** The day of the conclusion (办结) as the unit dated it; null before it. */
    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** When the assisting departments' written opinions are due (one month after distribution by default). */
    @Column(name = "assisting_opinions_due")
    public LocalDate assistingOpinionsDue;

    /** Index into the review chain of the step now deciding; null outside review. */
    @Column(name = "review_step")
    public Short reviewStep;

    @Column(name = "review_complete", nullable = false)
    public boolean reviewComplete;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_evaluation")
    public EvaluationResult lastEvaluation;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Length and head hash of the history as the service last wrote it: a verification also catches a cut-off tail. */
    @Column(name = "history_length", nullable = false)
    public int historyLength;

    @Column(name = "history_head")
    public String historyHead;

    @Version
    public long version;

    public boolean isKeySupervised() {
        return !"ORDINARY".equals(supervisionLevel);
    }
}
