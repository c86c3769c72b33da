package gov.suggestions.suggestion.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

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

    @ElementCollection
    @CollectionTable(name = "suggestion_topic", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "position")
    @Column(name = "topic", nullable = false)
    public List<String> topics = new ArrayList<>();

    @Column(name = "subject_category")
    public String subjectCategory;

    @Column(name = "lead_deputy_id", nullable = false)
    public String leadDeputyId;

    @Column(name = "lead_deputy_name", nullable = false)
    public String leadDeputyName;

    @Column(name = "lead_deputy_delegation")
    public String leadDeputyDelegation;

    @ElementCollection
    @CollectionTable(name = "suggestion_co_signer", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "position")
    public List<CoSigner> coSigners = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_level", nullable = false)
    public SupervisionLevel supervisionLevel = SupervisionLevel.ORDINARY;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority = Priority.ORDINARY;

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

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    @ElementCollection
    @CollectionTable(name = "suggestion_unit", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "position")
    public List<UnitAssignment> units = new ArrayList<>();

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;

    /**
     * The full-text tokens (see ChineseTokens#encoded), written with the row so that it is not updated right after its
     * insert; the database turns them into the tsvector. Title, topics and body never change, and it is never read back.
     */
    @Column(name = "search_tokens", columnDefinition = "tsvector", updatable = false)
    @ColumnTransformer(read = "null", write = "suggestion_tokens(?)")
    public String searchTokens;
}
