package gov.suggestions.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The little this service keeps of a suggestion so that case events (which name only the suggestion) reach its deputies. */
@Entity
@Table(name = "suggestion_ref")
public class SuggestionRef {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_deputy_id")
    public String leadDeputyId;

    /** Comma-separated deputy ids. */
    @Column(name = "co_signer_ids")
    public String coSignerIds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
