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

    /**
     * The event a notice comes from and where it belongs: its congress body and unit decide who sees it in the delivery
     * log (a rule's notice takes the body found for the event and its recipient's unit, a webhook's the event's own).
     */
    public record Origin(String eventId, String eventType, UUID suggestionId, UUID caseId, String congressBody, String unitCode) {

        /** The same event, for the notices of one of the units it names. */
        public Origin inUnit(String unit) {
            return new Origin(eventId, eventType, suggestionId, caseId, congressBody, unit);
        }
    }

    /**
     * A new notice of one event to one recipient on one channel: every notice, of a rule or of a webhook subscription,
     * starts here. It is due at once and not tried yet; the caller gives it its subject and body and may settle it
     * (the inbox, a failure) or delay it (quiet hours) before storing it.
     */
    public static Notification newNotice(Origin origin, RecipientKind kind, String recipientId, String recipientName,
            Channel channel, String destination, String template, Instant createdAt) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = origin.eventId();
        n.eventType = origin.eventType();
        n.suggestionId = origin.suggestionId();
        n.caseId = origin.caseId();
        n.congressBody = origin.congressBody();
        n.unitCode = origin.unitCode();
        n.recipientKind = kind;
        n.recipientId = recipientId;
        n.recipientName = recipientName;
        n.channel = channel;
        n.destination = destination;
        n.template = template;
        n.status = NotificationStatus.PENDING;
        n.attempts = 0;
        n.nextAttemptAt = createdAt;
        n.createdAt = createdAt;
        return n;
    }
}
