package gov.suggestions.notification.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Event type → audience, channels and template. Rows, not code: operators change them through the API. */
@Entity
@Table(name = "notification_rule")
public class NotificationRule {

    @Id
    public UUID id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** null: the global rule; a congress body's code: that body's override of the global rule (same event type and audience). */
    @Column(name = "congress_body")
    public String congressBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    /** Comma-separated {@link Channel} names. */
    @Column(nullable = false)
    public String channels;

    @Column(nullable = false)
    public String template;

    @Column(nullable = false)
    public boolean enabled;

    @Version
    @Column(nullable = false)
    public long version;
}
