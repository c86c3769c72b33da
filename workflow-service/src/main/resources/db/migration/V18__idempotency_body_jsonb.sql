-- The kept response body is JSON mapped by Hibernate (IdempotencyRecord.body): stored as jsonb, replayed as the same
-- JSON (its keys possibly in another order than the first answer's).
ALTER TABLE idempotency_record ALTER COLUMN body TYPE jsonb USING body::jsonb;
