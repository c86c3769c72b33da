package gov.suggestions.suggestion.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Remembers what a create with an Idempotency-Key produced, so a retry gets the first result. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** (tenant scope, subject, key): another tenant's caller with the same subject and key never sees this record. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_scope")
        public String tenantScope;

        @Column(name = "caller")
        public String caller;

        @Column(name = "idempotency_key")
        public String idempotencyKey;

        public Key() {
        }

        public Key(String tenantScope, String caller, String idempotencyKey) {
            this.tenantScope = tenantScope;
            this.caller = caller;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantScope.equals(other.tenantScope) && caller.equals(other.caller)
                    && idempotencyKey.equals(other.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantScope, caller, idempotencyKey);
        }
    }
}
