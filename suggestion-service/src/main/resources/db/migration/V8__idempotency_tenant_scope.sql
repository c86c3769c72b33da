-- Idempotency records are keyed by (tenant scope, subject, key): two tenants' callers with the same subject and key
-- never share a stored answer. The scope is "congress-body:<code>" for a caller acting for one congress body, "all"
-- for a system token spanning every tenant. Records written before this migration were a caller's own; they keep
-- working for unscoped system callers and expire with their callers' retries.
ALTER TABLE idempotency_record ADD COLUMN tenant_scope varchar(100) NOT NULL DEFAULT 'all';
ALTER TABLE idempotency_record ALTER COLUMN tenant_scope DROP DEFAULT;
ALTER TABLE idempotency_record DROP CONSTRAINT pk_idempotency_record;
ALTER TABLE idempotency_record ADD CONSTRAINT pk_idempotency_record PRIMARY KEY (tenant_scope, caller, idempotency_key);
