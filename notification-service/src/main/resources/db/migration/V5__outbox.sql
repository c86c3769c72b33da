-- Transactional outbox: notification.sent.v1 / notification.failed.v1 written with the outcome they report, published by the relay.
CREATE TABLE outbox_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid         NOT NULL UNIQUE,
    event_type    varchar(100) NOT NULL,
    aggregate_id  varchar(64)  NOT NULL,
    key_slot      smallint     NOT NULL,
    payload       text         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    published_at  timestamptz
);
CREATE INDEX ix_outbox_unpublished ON outbox_event (key_slot, id) WHERE published_at IS NULL;
