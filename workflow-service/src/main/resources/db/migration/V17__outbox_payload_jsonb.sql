-- The outbox payload is JSON mapped by Hibernate (OutboxEvent.payload): PostgreSQL checks and stores it as jsonb.
-- The relay sends it as compact JSON; keys may come in another order than the appending service wrote them.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
