package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A suggestion as the reports see it, assembled from suggestion.* events. */
@Entity
@Table(name = "report_suggestion")
public class ReportSuggestion {

    @Id
    public UUID id;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    public String kind;
    public String title;
    public Integer term;
    public Integer session;
    public Integer year;

    /** Topics joined with '、' (reports print them that way). */
    public String topics;

    @Column(name = "supervision_level")
    public String supervisionLevel;

    public String priority;

    @Column(name = "lead_deputy_id")
    public String leadDeputyId;

    @Column(name = "lead_deputy_name")
    public String leadDeputyName;

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    @Column(nullable = false)
    public boolean withdrawn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
