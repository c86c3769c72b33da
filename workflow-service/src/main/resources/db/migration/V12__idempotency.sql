-- The first response of each create sent with an Idempotency-Key, per caller: a retry with the same key and request
-- gets it again; the same key with another request answers 422. Written in the create's own transaction.
CREATE TABLE idempotency_record (
    caller           varchar(200)  NOT NULL,
    idempotency_key  varchar(100)  NOT NULL,
    request_hash     varchar(64)   NOT NULL,
    status           smallint,
    body             text,
    etag             varchar(60),
    location         varchar(300),
    created_at       timestamptz   NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
