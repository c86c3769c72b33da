package gov.suggestions.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.event.NotificationFailedV1;
import gov.suggestions.notification.event.NotificationSentV1;
import gov.suggestions.notification.event.Outbox;

/** Writes notification.sent.v1 / notification.failed.v1 to the outbox in the transaction that records the outcome (a failure is also counted, see NoticeSignals). */
@ApplicationScoped
public class OutcomeEvents {

    private final Outbox outbox;
    private final Event<NoticeSignals.NoticeFailed> failures;

    public OutcomeEvents(Outbox outbox, Event<NoticeSignals.NoticeFailed> failures) {
        this.outbox = outbox;
        this.failures = failures;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void settled(Notification n, Instant at) {
        String key = n.suggestionId.toString();
        if (n.status == NotificationStatus.SENT) {
            outbox.append(NotificationSentV1.TYPE, key, new NotificationSentV1(n.id, n.eventId, n.eventType, n.suggestionId, n.caseId,
                    n.congressBody, n.unitCode, n.recipientKind.name(), n.recipientId, n.channel.name(), n.attempts, at));
        } else if (n.status == NotificationStatus.FAILED) {
            outbox.append(NotificationFailedV1.TYPE, key, new NotificationFailedV1(n.id, n.eventId, n.eventType, n.suggestionId, n.caseId,
                    n.congressBody, n.unitCode, n.recipientKind.name(), n.recipientId, n.channel.name(), n.attempts, n.failureReason, at));
            failures.fire(new NoticeSignals.NoticeFailed(n.channel));
        }
    }
}
