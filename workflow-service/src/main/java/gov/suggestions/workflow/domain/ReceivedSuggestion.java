package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A suggestion as workflow-service learnt of it from suggestion-service's events; handling cases will hang off it. */
@Entity
@Table(name = "received_suggestion")
public class ReceivedSuggestion {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_deputy_id", nullable = false)
    public String leadDeputyId;

    @Column(name = "lead_deputy_name", nullable = false)
    public String leadDeputyName;

    @Column(nullable = false)
    public short term;

    @Column(nullable = false)
    public short session;

    @Column(nullable = false)
    public short year;

    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
