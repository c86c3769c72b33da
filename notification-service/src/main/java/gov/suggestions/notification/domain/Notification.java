package gov.suggestions.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notice for one (event, recipient, channel): the unique key keeps it to one, however often the event arrives. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "suggestion_id")
    public UUID suggestionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "congress_body")
    public String congressBody;

    @Column(name = "unit_code")
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;

    /** Deputy id, or the staff recipient's id. */
    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The address used (e-mail, mobile); personal data, masked in every response and log. */
    public String destination;

    @Column(nullable = false)
    public String template;

    public String subject;

    public String body;

    /** Document number of the reply letter to attach to this e-mail (fetched from workflow-service when sending); null: none. */
    @Column(name = "reply_letter")
    public String replyLetter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "read_at")
    public Instant readAt;
}
