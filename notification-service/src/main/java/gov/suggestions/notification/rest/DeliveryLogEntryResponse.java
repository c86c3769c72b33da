package gov.suggestions.notification.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.NotificationBodies;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.service.DeliveryLogService;
import gov.suggestions.notification.service.Masking;

/** One notice in the delivery log; the address is masked (offices need to know that it went, not where). */
public record DeliveryLogEntryResponse(UUID notificationId, @Schema(maxLength = 100) String eventType, UUID suggestionId,
        UUID caseId, @Schema(maxLength = 40) String unitCode, RecipientKind recipientKind, @Schema(maxLength = 100) String recipientName,
        Channel channel, @Schema(maxLength = 2000) String destination, @Schema(maxLength = 500) String subject, NotificationStatus status,
        @Schema(maxLength = 1000) String failureReason, OffsetDateTime createdAt, OffsetDateTime sentAt,
        @Schema(description = "Its tries, the latest " + NotificationBodies.LOGGED_ATTEMPTS + " at most",
                maxItems = NotificationBodies.LOGGED_ATTEMPTS) List<Attempt> attempts) {

    @Schema(name = "DeliveryAttempt")
    public record Attempt(@Schema(minimum = "1", maximum = "2147483647") int number, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            @Schema(maxLength = 10) String outcome, @Schema(maxLength = 1000) String detail) {
    }

    static DeliveryLogEntryResponse of(DeliveryLogService.Entry entry) {
        var n = entry.notification();
        String destination = n.channel == Channel.WEBHOOK ? n.destination : Masking.address(n.destination);
        return new DeliveryLogEntryResponse(n.id, n.eventType, n.suggestionId, n.caseId, n.unitCode, n.recipientKind, n.recipientName,
                n.channel, destination, n.subject, n.status, n.failureReason, at(n.createdAt), at(n.sentAt),
                latest(entry.attempts()).stream().map(DeliveryLogEntryResponse::attempt).toList());
    }

    private static List<DeliveryAttempt> latest(List<DeliveryAttempt> attempts) {
        int from = Math.max(0, attempts.size() - NotificationBodies.LOGGED_ATTEMPTS);
        return attempts.subList(from, attempts.size());
    }

    private static Attempt attempt(DeliveryAttempt a) {
        return new Attempt(a.number, at(a.startedAt), at(a.finishedAt), a.outcome, a.detail);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ClockProducer.ZONE).toOffsetDateTime();
    }
}
