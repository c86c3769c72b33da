-- A suggestion (建议) or CPPCC proposal (提案) as registered by a congress office.
CREATE TABLE suggestion (
    id                uuid         PRIMARY KEY,
    congress_body     varchar(40)  NOT NULL,
    number            varchar(32)  NOT NULL,
    kind              varchar(16)  NOT NULL,
    title             varchar(200) NOT NULL,
    body              text         NOT NULL,
    lead_deputy_id    varchar(64)  NOT NULL,
    lead_deputy_name  varchar(50)  NOT NULL,
    lead_deputy_delegation varchar(100),
    term              smallint     NOT NULL,
    session           smallint     NOT NULL,
    year              smallint     NOT NULL,
    submitted_on      date         NOT NULL,
    state             varchar(20)  NOT NULL,
    registered_at     timestamptz  NOT NULL,
    registered_by     varchar(200) NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT uq_suggestion_number UNIQUE (congress_body, number)
);
CREATE INDEX ix_suggestion_lead_deputy ON suggestion (lead_deputy_id);

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
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

-- First result of each create made with an Idempotency-Key, per caller.
CREATE TABLE idempotency_record (
    caller           varchar(200) NOT NULL,
    idempotency_key  varchar(100) NOT NULL,
    request_hash     varchar(64)     NOT NULL,
    resource_id      uuid         NOT NULL,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (caller, idempotency_key)
);
