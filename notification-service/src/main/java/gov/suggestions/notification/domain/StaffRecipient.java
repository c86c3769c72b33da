package gov.suggestions.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of staff who receives notices: their unit and roles decide which rules reach them. */
@Entity
@Table(name = "staff_recipient")
public class StaffRecipient {

    @Id
    public UUID id;

    /** The token subject (upn) this person signs in with: unique within the unit; their in-app inbox is found by it and the token's unit. */
    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String name;

    /** Unit code; for congress office staff the congress body code. */
    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** Comma-separated roles. */
    @Column(nullable = false)
    public String roles;

    public String email;

    public String mobile;

    @Column(nullable = false)
    public String locale;

    /** Comma-separated channels the person wants; empty means every channel of the rule. */
    @Column(name = "preferred_channels")
    public String preferredChannels;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
