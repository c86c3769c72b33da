package gov.suggestions.suggestion.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

/** The first response of a create sent with an Idempotency-Key, replayed to a retry. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    /** The caller's tenant: their token's congress_body, unit and deputy claims ({@code Caller.tenantScope()}). */
    @Id
    @Column(name = "tenant_scope")
    public String tenantScope;

    @Id
    @Column(name = "caller")
    public String caller;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the operation and its request (path parameters and body), hex. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public Short status;

    /** The response body as JSON (jsonb): replayed as the same JSON, its keys in jsonb's order. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode body;

    public String etag;

    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public String tenantScope;
        public String caller;
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
            return o instanceof Key other && Objects.equals(tenantScope, other.tenantScope) && Objects.equals(caller, other.caller)
                    && Objects.equals(idempotencyKey, other.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantScope, caller, idempotencyKey);
        }
    }
}
