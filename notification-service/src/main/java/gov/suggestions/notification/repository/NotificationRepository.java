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

    /**
     * The delivery log of one suggestion or case, narrowed in the query to what the caller may see.
     * @param congressBody null for any; @param unitCode null for any
     */
    public List<Notification> log(UUID suggestionId, UUID caseId, String congressBody, String unitCode, int page, int size) {
        return find(logQuery(suggestionId, caseId, congressBody, unitCode), Sort.by("createdAt").and("id"),
                logParams(suggestionId, caseId, congressBody, unitCode)).page(page, size).list();
    }

    public long countLog(UUID suggestionId, UUID caseId, String congressBody, String unitCode) {
        return count(logQuery(suggestionId, caseId, congressBody, unitCode), logParams(suggestionId, caseId, congressBody, unitCode));
    }

    private static String logQuery(UUID suggestionId, UUID caseId, String congressBody, String unitCode) {
        StringBuilder q = new StringBuilder(suggestionId != null ? "suggestionId = :suggestion" : "caseId = :case");
        if (congressBody != null) {
            q.append(" and congressBody = :body");
        }
        if (unitCode != null) {
            q.append(" and unitCode = :unit");
        }
        return q.toString();
    }

    private static java.util.Map<String, Object> logParams(UUID suggestionId, UUID caseId, String congressBody, String unitCode) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (suggestionId != null) {
            params.put("suggestion", suggestionId);
        } else {
            params.put("case", caseId);
        }
        if (congressBody != null) {
            params.put("body", congressBody);
        }
        if (unitCode != null) {
            params.put("unit", unitCode);
        }
        return params;
    }

    public List<Notification> forEvent(String eventId) {
        return find("eventId", Sort.by("recipientId").and("channel"), eventId).list();
    }
}
