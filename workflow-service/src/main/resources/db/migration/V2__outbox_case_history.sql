-- Transactional outbox: written in the same transaction as the state change, published by the relay to topic `cases`.
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

-- Append-only history of each case: entry n carries SHA-256(hash of entry n-1 + canonical form of entry n).
CREATE TABLE case_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      uuid          NOT NULL,
    seq          integer       NOT NULL,
    action       varchar(40)   NOT NULL,
    from_state   varchar(30),
    to_state     varchar(30)   NOT NULL,
    actor        varchar(200)  NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    comment      varchar(2000),
    detail       text,
    prev_hash    varchar(64)   NOT NULL,
    hash         varchar(64)   NOT NULL,
    CONSTRAINT uq_case_history_seq UNIQUE (case_id, seq)
);
