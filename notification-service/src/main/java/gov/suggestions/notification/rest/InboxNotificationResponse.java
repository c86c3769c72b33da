package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationBodies;
import gov.suggestions.notification.service.Masking;

/**
 * A notice in its recipient's own inbox. Phone numbers and e-mail addresses in it are masked: the reader is not the keeper
 * of the roster they come from (a unit's contact persons in a deputy's notice).
 */
public record InboxNotificationResponse(UUID id, @Schema(maxLength = 100) String eventType, UUID suggestionId, UUID caseId,
        @Schema(maxLength = 500) String subject, @Schema(maxLength = NotificationBodies.INBOX_MAX) String body,
        OffsetDateTime receivedAt, OffsetDateTime readAt) {

    static InboxNotificationResponse of(Notification n) {
        return new InboxNotificationResponse(n.id, n.eventType, n.suggestionId, n.caseId, Masking.text(n.subject), Masking.text(n.body),
                n.createdAt.atZone(ClockProducer.ZONE).toOffsetDateTime(),
                n.readAt == null ? null : n.readAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
