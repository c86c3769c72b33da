package gov.suggestions.notification.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.repository.StaffRecipientRepository;

/** The in-app inbox: everyone sees and marks only their own notices (a deputy by the token's deputy id, staff by their username). */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;
    private final StaffRecipientRepository staff;
    private final Clock clock;

    public InboxService(NotificationRepository notifications, StaffRecipientRepository staff, Clock clock) {
        this.notifications = notifications;
        this.staff = staff;
        this.clock = clock;
    }

    private record Owner(RecipientKind kind, String id) {
    }

    @Transactional
    public Page<Notification> list(Caller caller, boolean unreadOnly, int page, int size) {
        Optional<Owner> owner = ownerOf(caller);
        if (owner.isEmpty()) {
            return new Page<>(java.util.List.of(), page, size, 0);
        }
        Owner o = owner.get();
        return new Page<>(notifications.inboxOf(o.kind(), o.id(), unreadOnly, page, size), page, size,
                notifications.countInbox(o.kind(), o.id(), unreadOnly));
    }

    @Transactional
    public Notification get(Caller caller, UUID id) {
        return ownerOf(caller).flatMap(o -> notifications.inInbox(id, o.kind(), o.id()))
                .orElseThrow(() -> new NotFoundException(Text.of("未找到该通知", "No such notification")));
    }

    /** Marking twice keeps the first reading time. */
    @Transactional
    public Notification markRead(Caller caller, UUID id) {
        Notification n = get(caller, id);
        if (n.readAt == null) {
            n.readAt = clock.instant();
        }
        return n;
    }

    private Optional<Owner> ownerOf(Caller caller) {
        if (caller.hasRole(Caller.DEPUTY)) {
            return caller.deputy() == null ? Optional.empty() : Optional.of(new Owner(RecipientKind.DEPUTY, caller.deputy()));
        }
        return staff.byUsername(caller.subject()).map(s -> new Owner(RecipientKind.STAFF, s.id.toString()));
    }
}
