package gov.suggestions.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.repository.DeliveryAttemptRepository;
import gov.suggestions.notification.repository.NotificationRepository;

/**
 * What was sent to whom about a suggestion or case: the congress office sees its congress body's, a unit office its unit's,
 * the system everything (its body's only when the token names one). A token without its scope claim sees nothing.
 */
@ApplicationScoped
public class DeliveryLogService {

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository attempts;

    public DeliveryLogService(NotificationRepository notifications, DeliveryAttemptRepository attempts) {
        this.notifications = notifications;
        this.attempts = attempts;
    }

    public record Entry(Notification notification, List<DeliveryAttempt> attempts) {
    }

    @Transactional
    public Page<Entry> log(Caller caller, UUID suggestionId, UUID caseId, int page, int size) {
        boolean system = caller.hasRole(Caller.SYSTEM);
        boolean office = !system && caller.hasRole(Caller.CONGRESS_OFFICE);
        // the system sees every body's notices, narrowed to one body when its token names one
        String body = office || system ? caller.bodyScope() : null;
        String unit = system || office ? null : caller.unitScope();
        if ((office && body == null) || (!system && !office && unit == null)) {
            // a token without its scope claim sees nothing: an empty page, without asking the database
            return new Page<>(List.of(), page, size, 0);
        }
        List<Entry> entries = notifications.log(suggestionId, caseId, body, unit, page, size).stream()
                .map(n -> new Entry(n, attempts.of(n.id))).toList();
        return new Page<>(entries, page, size, notifications.countLog(suggestionId, caseId, body, unit));
    }
}
