package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.Notification;

/** A notice in its recipient's own inbox. */
public record InboxNotificationResponse(UUID id, String eventType, UUID suggestionId, UUID caseId, String subject, String body,
        OffsetDateTime receivedAt, OffsetDateTime readAt) {

    static InboxNotificationResponse of(Notification n) {
        return new InboxNotificationResponse(n.id, n.eventType, n.suggestionId, n.caseId, n.subject, n.body,
                n.createdAt.atZone(ClockProducer.ZONE).toOffsetDateTime(),
                n.readAt == null ? null : n.readAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
