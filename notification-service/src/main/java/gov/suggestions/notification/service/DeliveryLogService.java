package gov.suggestions.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.repository.DeliveryAttemptRepository;
import gov.suggestions.notification.repository.NotificationRepository;

/** What was sent to whom about a suggestion or case: the congress office sees its congress body's, a unit office its unit's. */
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
        String body = caller.hasRole(Caller.SYSTEM) ? null : caller.hasRole(Caller.CONGRESS_OFFICE) ? required(caller.congressBody()) : null;
        String unit = caller.hasRole(Caller.SYSTEM) || caller.hasRole(Caller.CONGRESS_OFFICE) ? null : required(caller.unit());
        List<Entry> entries = notifications.log(suggestionId, caseId, body, unit, page, size).stream()
                .map(n -> new Entry(n, attempts.of(n.id))).toList();
        return new Page<>(entries, page, size, notifications.countLog(suggestionId, caseId, body, unit));
    }

    /** A token without its scope claim sees nothing rather than everything. */
    private static String required(String scope) {
        return scope == null ? "\u0000" : scope;
    }
}
