package gov.suggestions.notification.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationBodies;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.service.DeliveryLogService;

/** The delivery log keeps the bound its OpenAPI document states: a notice's latest tries, oldest of them first. */
class DeliveryLogEntryResponseTest {

    @Test
    void aNoticeWithMoreTriesThanTheLogShowsListsItsLatestInOrder() {
        Notification notice = new Notification();
        notice.id = UUID.randomUUID();
        notice.channel = Channel.SMS;
        notice.destination = "13800138000";
        notice.status = NotificationStatus.FAILED;
        notice.createdAt = Instant.parse("2026-06-01T02:00:00Z");
        List<DeliveryAttempt> tries = new ArrayList<>();
        for (int i = 1; i <= NotificationBodies.LOGGED_ATTEMPTS + 20; i++) {
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.number = i;
            attempt.startedAt = notice.createdAt.plusSeconds(i);
            attempt.outcome = "ERROR";
            tries.add(attempt);
        }

        DeliveryLogEntryResponse entry = DeliveryLogEntryResponse.of(new DeliveryLogService.Entry(notice, tries));

        assertEquals(NotificationBodies.LOGGED_ATTEMPTS, entry.attempts().size());
        assertEquals(21, entry.attempts().get(0).number());
        assertEquals(NotificationBodies.LOGGED_ATTEMPTS + 20, entry.attempts().get(entry.attempts().size() - 1).number());

        DeliveryLogEntryResponse few = DeliveryLogEntryResponse.of(new DeliveryLogService.Entry(notice, tries.subList(0, 3)));
        assertEquals(List.of(1, 2, 3), few.attempts().stream().map(DeliveryLogEntryResponse.Attempt::number).toList());
    }
}
