package gov.suggestions.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.RecipientKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /**
     * Locks up to {@code limit} due notices of one channel that no other replica holds: each replica
     * claims a disjoint set, so a notice is handed to its provider by one of them only.
     */
    @SuppressWarnings("unchecked")
    public List<Notification> lockDue(Channel channel, Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM notification
                WHERE status = 'PENDING' AND channel = :channel AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", Notification.class)
                .setParameter("channel", channel.name())
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Notices handed to a provider whose outcome was never recorded (the replica stopped mid-send). */
    public List<Notification> sendingSince(Instant before, int limit) {
        return find("status = ?1 and nextAttemptAt < ?2", NotificationStatus.SENDING, before).page(0, limit).list();
    }

    public List<Notification> inboxOf(RecipientKind kind, String recipientId, boolean unreadOnly, int page, int size) {
        return find("recipientKind = ?1 and recipientId = ?2 and channel = ?3 and status = ?4" + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"), kind, recipientId, Channel.INBOX, NotificationStatus.SENT).page(page, size).list();
    }

    public long countInbox(RecipientKind kind, String recipientId, boolean unreadOnly) {
        return count("recipientKind = ?1 and recipientId = ?2 and channel = ?3 and status = ?4" + (unreadOnly ? " and readAt is null" : ""),
                kind, recipientId, Channel.INBOX, NotificationStatus.SENT);
    }

    public Optional<Notification> inInbox(UUID id, RecipientKind kind, String recipientId) {
        return find("id = ?1 and recipientKind = ?2 and recipientId = ?3 and channel = ?4 and status = ?5", id, kind, recipientId, Channel.INBOX,
                NotificationStatus.SENT)
                .firstResultOptional();
    }

    public List<Notification> forEvent(String eventId) {
        return find("eventId", Sort.by("recipientId").and("channel"), eventId).list();
    }
}
