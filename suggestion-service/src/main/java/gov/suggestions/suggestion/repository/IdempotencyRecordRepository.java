package gov.suggestions.suggestion.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Claims the key for this request. While another transaction holds the same key uncommitted, PostgreSQL waits
     * for it: a concurrent retry then sees the first one's response (or the key free again if that one failed).
     *
     * @return true when this request is the key's first
     */
    public long deleteCreatedBefore(Instant before) {
        return delete("createdAt < ?1", before);
    }

    public boolean claim(String tenantScope, String caller, String key, String requestHash, Instant now) {
        return getEntityManager().createNativeQuery("INSERT INTO idempotency_record (tenant_scope, caller, idempotency_key, request_hash, created_at)"
                + " VALUES (:scope, :caller, :key, :hash, :now) ON CONFLICT DO NOTHING")
                .setParameter("scope", tenantScope).setParameter("caller", caller).setParameter("key", key).setParameter("hash", requestHash).setParameter("now", now)
                .executeUpdate() == 1;
    }
}
