package gov.suggestions.notification.event;

import java.time.Instant;
import java.util.UUID;

/** A notice will not be delivered: the render failed, the recipient has no address, the provider refused it or retries ran out. */
public record NotificationFailedV1(
        UUID notificationId,
        String sourceEventId,
        String sourceEventType,
        UUID suggestionId,
        UUID caseId,
        String congressBody,
        String unitCode,
        String recipientKind,
        String recipientId,
        String channel,
        int attempts,
        String reason,
        Instant failedAt) {

    public static final String TYPE = "notification.failed.v1";
}
