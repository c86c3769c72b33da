-- A deputy is (congress body, roster id): roster ids repeat between a People's Congress and a CPPCC and between cities.
-- Co-signers are deputies of the suggestion's congress body (suggestion.assigned.v1 carries it as congressBody, which
-- every case already keeps); the deputy queries match both.
ALTER TABLE case_co_signer ADD COLUMN congress_body varchar(40);
UPDATE case_co_signer s SET congress_body = c.congress_body FROM handling_case c WHERE c.id = s.case_id;
ALTER TABLE case_co_signer ALTER COLUMN congress_body SET NOT NULL;
DROP INDEX ix_case_co_signer_deputy;
CREATE INDEX ix_case_co_signer_deputy ON case_co_signer (congress_body, deputy_id);
DROP INDEX ix_case_deputy;
CREATE INDEX ix_case_deputy ON handling_case (congress_body, lead_deputy_id);

-- Idempotency records are keyed by (tenant scope, subject, key): the tenant scope is the token's congress_body, unit
-- and deputy claims, so a caller of another body or unit with the same subject and key never meets this record.
-- Records written before this version knew only the subject; they get a scope no token produces and so are never
-- replayed again (they expire with workflow.idempotency-retention).
ALTER TABLE idempotency_record ADD COLUMN tenant_scope text;
UPDATE idempotency_record SET tenant_scope = 'before-tenant-scopes';
ALTER TABLE idempotency_record ALTER COLUMN tenant_scope SET NOT NULL;
ALTER TABLE idempotency_record DROP CONSTRAINT pk_idempotency_record;
ALTER TABLE idempotency_record ADD CONSTRAINT pk_idempotency_record PRIMARY KEY (tenant_scope, caller, idempotency_key);
