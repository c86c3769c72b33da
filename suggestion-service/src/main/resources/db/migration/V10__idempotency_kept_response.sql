-- An Idempotency-Key keeps the first response itself (status, body, ETag, Location), as in workflow-service, instead of
-- the created suggestion's id: one design in the suite. Keys kept so far are forgotten (a retry of one registers
-- again, and a number already registered answers 409); records now expire after idempotency.retention.
DELETE FROM idempotency_record;
ALTER TABLE idempotency_record DROP COLUMN resource_id;
ALTER TABLE idempotency_record ADD COLUMN status smallint;
ALTER TABLE idempotency_record ADD COLUMN body jsonb;
ALTER TABLE idempotency_record ADD COLUMN etag varchar(60);
ALTER TABLE idempotency_record ADD COLUMN location varchar(300);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
