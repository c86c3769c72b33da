package gov.suggestions.notification.event;

import java.time.Instant;
import java.util.UUID;

/** A notice was handed to its channel (the provider accepted it; the inbox stored it). No addresses: they are personal data. */
public record NotificationSentV1(
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
        Instant sentAt) {

    public static final String TYPE = "notification.sent.v1";
}
