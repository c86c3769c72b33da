package gov.suggestions.workflow.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import gov.suggestions.workflow.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    public long deleteCreatedBefore(Instant before) {
        return delete("createdAt < ?1", before);
    }

    /**
     * Claims the key for this request. While another transaction holds the same key uncommitted, PostgreSQL waits
     * for it: a concurrent retry then sees the first one's response (or the key free again if that one failed).
     *
     * @return true when this request is the key's first
     */
    public boolean claim(String tenantScope, String caller, String key, String requestHash, Instant now) {
        return getEntityManager().createNativeQuery("INSERT INTO idempotency_record (tenant_scope, caller, idempotency_key, request_hash, created_at)"
                + " VALUES (:scope, :caller, :key, :hash, :now) ON CONFLICT DO NOTHING")
                .setParameter("scope", tenantScope).setParameter("caller", caller).setParameter("key", key).setParameter("hash", requestHash).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Stores the first response on the key this transaction claimed, in one UPDATE: loading the row first would cost a
     * round trip per create for nothing (the claim already proved the row is ours).
     *
     * @return the rows changed: 1 when the key was claimed in this transaction
     */
    public int keepResponse(IdempotencyRecord.Key key, short status, JsonNode body, String etag, String location) {
        return update("status = :status, body = :body, etag = :etag, location = :location"
                + " where tenantScope = :scope and caller = :caller and idempotencyKey = :key",
                Parameters.with("status", status).and("body", body).and("etag", etag).and("location", location)
                        .and("scope", key.tenantScope).and("caller", key.caller).and("key", key.idempotencyKey));
    }
}
