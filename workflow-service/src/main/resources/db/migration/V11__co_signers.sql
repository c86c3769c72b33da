-- The suggestion's co-signing deputies (附议), from the assignment: they see the case; only the lead deputy evaluates.
CREATE TABLE case_co_signer (
    case_id    uuid         NOT NULL REFERENCES handling_case (id),
    deputy_id  varchar(64)  NOT NULL,
    CONSTRAINT pk_case_co_signer PRIMARY KEY (case_id, deputy_id)
);
CREATE INDEX ix_case_co_signer_deputy ON case_co_signer (deputy_id);
