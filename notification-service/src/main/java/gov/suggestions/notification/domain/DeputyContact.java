package gov.suggestions.notification.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A deputy's contact data as last announced by suggestion-service: personal data, never logged whole. */
@Entity
@Table(name = "deputy_contact")
public class DeputyContact {

    @Id
    @Column(name = "deputy_id")
    public String deputyId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String name;

    public String delegation;

    public String mobile;

    public String email;

    /** Comma-separated channels the deputy prefers; empty means every channel of the rule. */
    @Column(name = "preferred_channels")
    public String preferredChannels;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
