package gov.suggestions.notification.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.domain.Text;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.repository.StaffRecipientRepository;

/**
 * The in-app inbox: everyone sees and marks only their own notices. A deputy by (congress_body, deputy) of the token
 * (roster ids repeat between bodies); staff by their registered username (= token subject) in the unit the token names
 * (a congress office's staff: in its congress body). A token without its scope claim has an empty inbox.
 */
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

    /** @param congressBody for a deputy the body the notice must carry; null for staff (their recipient id is unique) */
    private record Owner(RecipientKind kind, String id, String congressBody) {
    }

    @Transactional
    public Page<Notification> list(Caller caller, boolean unreadOnly, int page, int size) {
        Optional<Owner> owner = ownerOf(caller);
        if (owner.isEmpty()) {
            return new Page<>(java.util.List.of(), page, size, 0);
        }
        Owner o = owner.get();
        return new Page<>(notifications.inboxOf(o.kind(), o.id(), o.congressBody(), unreadOnly, page, size), page, size,
                notifications.countInbox(o.kind(), o.id(), o.congressBody(), unreadOnly));
    }

    @Transactional
    public Notification get(Caller caller, UUID id) {
        return ownerOf(caller).flatMap(o -> notifications.inInbox(id, o.kind(), o.id(), o.congressBody()))
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
            // CallerFactory refuses a deputy token without both claims; this keeps the rule here too
            return caller.deputy() == null || caller.bodyScope() == null ? Optional.empty()
                    : Optional.of(new Owner(RecipientKind.DEPUTY, caller.deputy(), caller.bodyScope()));
        }
        String scope = caller.hasRole(Caller.UNIT_OFFICE) || caller.hasRole(Caller.UNIT_LEADER) || caller.hasRole(Caller.HANDLER)
                || caller.hasRole(Caller.GOV_SUPERVISOR) ? caller.unitScope()
                : caller.hasRole(Caller.CONGRESS_OFFICE) ? caller.bodyScope() : null;
        if (scope == null || caller.subject() == null) {
            return Optional.empty();
        }
        return staff.byUsername(scope, caller.subject()).map(s -> new Owner(RecipientKind.STAFF, s.id.toString(), null));
    }
}
