package gov.suggestions.reporting.event;

import java.time.Instant;
import java.util.UUID;

/**
 * notification.sent.v1 and notification.failed.v1 (see notification-service/README.md): no addresses, only who
 * (kind and id), which channel and what it was about; read tolerantly, so other fields are ignored.
 */
public record NotificationEventV1(
        UUID notificationId,
        String sourceEventType,
        UUID suggestionId,
        UUID caseId,
        String congressBody,
        String unitCode,
        String recipientKind,
        String channel,
        Integer attempts,
        Instant sentAt,
        Instant failedAt) {

    public static final String SENT = "notification.sent.v1";
    public static final String FAILED = "notification.failed.v1";

    /** The id of the table row: the case, else the suggestion. */
    public UUID subjectId() {
        return caseId != null ? caseId : suggestionId;
    }

    /** The first required field that is absent, or null. */
    public String missingField() {
        if (notificationId == null) {
            return "notificationId";
        }
        if (suggestionId == null) {
            return "suggestionId";
        }
        if (recipientKind == null || recipientKind.isBlank()) {
            return "recipientKind";
        }
        return null;
    }
}
