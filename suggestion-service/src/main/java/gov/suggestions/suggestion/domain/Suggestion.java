package gov.suggestions.suggestion.domain;

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

@Entity
@Table(name = "suggestion")
public class Suggestion {

    @Id
    public UUID id;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuggestionKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "lead_deputy_id", nullable = false)
    public String leadDeputyId;

    @Column(name = "lead_deputy_name", nullable = false)
    public String leadDeputyName;

    @Column(name = "lead_deputy_delegation")
    public String leadDeputyDelegation;

    @Column(nullable = false)
    public short term;

    @Column(nullable = false)
    public short session;

    @Column(nullable = false)
    public short year;

    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuggestionState state;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Version
    public long version;
}
