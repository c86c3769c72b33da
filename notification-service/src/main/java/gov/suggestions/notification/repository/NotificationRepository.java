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
        // locked and skipped like a claim: two replicas checking at once do not both put a notice back
        return getEntityManager().createNativeQuery("""
                SELECT * FROM notification
                WHERE status = 'SENDING' AND next_attempt_at < :before
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", Notification.class)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * One recipient's inbox. @param congressBody a deputy's body (a deputy is (body, roster id)); null for staff, whose
     * recipient id (the staff recipient's uuid) is unique already
     */
    public List<Notification> inboxOf(RecipientKind kind, String recipientId, String congressBody, boolean unreadOnly, int page, int size) {
        return find(inboxQuery(congressBody, unreadOnly), Sort.descending("createdAt").and("id"), inboxParams(kind, recipientId, congressBody))
                .page(page, size).list();
    }

    public long countInbox(RecipientKind kind, String recipientId, String congressBody, boolean unreadOnly) {
        return count(inboxQuery(congressBody, unreadOnly), inboxParams(kind, recipientId, congressBody));
    }

    public Optional<Notification> inInbox(UUID id, RecipientKind kind, String recipientId, String congressBody) {
        java.util.Map<String, Object> params = inboxParams(kind, recipientId, congressBody);
        params.put("id", id);
        return find("id = :id and " + inboxQuery(congressBody, false), params).firstResultOptional();
    }

    private static String inboxQuery(String congressBody, boolean unreadOnly) {
        return "recipientKind = :kind and recipientId = :recipient and channel = :channel and status = :status"
                + (congressBody != null ? " and congressBody = :body" : "") + (unreadOnly ? " and readAt is null" : "");
    }

    private static java.util.Map<String, Object> inboxParams(RecipientKind kind, String recipientId, String congressBody) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("kind", kind);
        params.put("recipient", recipientId);
        params.put("channel", Channel.INBOX);
        params.put("status", NotificationStatus.SENT);
        if (congressBody != null) {
            params.put("body", congressBody);
        }
        return params;
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
