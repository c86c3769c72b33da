package gov.suggestions.notification.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A deputy's contact data as last announced by suggestion-service: personal data, never logged whole.
 * Keyed by (congress body, roster id): roster ids repeat between bodies.
 */
@Entity
@Table(name = "deputy_contact")
@IdClass(DeputyContact.Key.class)
public class DeputyContact {

    @Id
    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Id
    @Column(name = "deputy_id")
    public String deputyId;

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

    /** The primary key: (congress body, roster id). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String congressBody;
        public String deputyId;

        public Key() {
        }

        public Key(String congressBody, String deputyId) {
            this.congressBody = congressBody;
            this.deputyId = deputyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(congressBody, k.congressBody) && Objects.equals(deputyId, k.deputyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(congressBody, deputyId);
        }
    }
}
