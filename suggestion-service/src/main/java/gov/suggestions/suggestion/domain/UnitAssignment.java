package gov.suggestions.suggestion.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One unit of an assignment (交办) with its role and deadline. */
@Embeddable
public class UnitAssignment {

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitRole role;

    @Column(name = "assigned_on", nullable = false)
    public LocalDate assignedOn;

    @Column(name = "reply_due")
    public LocalDate replyDue;

    @Column(name = "joint_opinion_due")
    public LocalDate jointOpinionDue;
}
