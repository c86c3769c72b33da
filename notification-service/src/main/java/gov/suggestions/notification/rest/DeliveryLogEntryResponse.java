package gov.suggestions.notification.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.service.DeliveryLogService;
import gov.suggestions.notification.service.Masking;

/** One notice in the delivery log; the address is masked (offices need to know that it went, not where). */
public record DeliveryLogEntryResponse(UUID notificationId, String eventType, UUID suggestionId, UUID caseId, String unitCode,
        RecipientKind recipientKind, String recipientName, Channel channel, String destination, String subject,
        NotificationStatus status, String failureReason, OffsetDateTime createdAt, OffsetDateTime sentAt, List<Attempt> attempts) {

    public record Attempt(int number, OffsetDateTime startedAt, OffsetDateTime finishedAt, String outcome, String detail) {
    }

    static DeliveryLogEntryResponse of(DeliveryLogService.Entry entry) {
        var n = entry.notification();
        String destination = n.channel == Channel.WEBHOOK ? n.destination : Masking.address(n.destination);
        return new DeliveryLogEntryResponse(n.id, n.eventType, n.suggestionId, n.caseId, n.unitCode, n.recipientKind, n.recipientName,
                n.channel, destination, n.subject, n.status, n.failureReason, at(n.createdAt), at(n.sentAt),
                entry.attempts().stream().map(DeliveryLogEntryResponse::attempt).toList());
    }

    private static Attempt attempt(DeliveryAttempt a) {
        return new Attempt(a.number, at(a.startedAt), at(a.finishedAt), a.outcome, a.detail);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ClockProducer.ZONE).toOffsetDateTime();
    }
}
