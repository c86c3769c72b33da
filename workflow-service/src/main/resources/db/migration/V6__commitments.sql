-- Commitments of issued replies (category B), tracked until fulfilled (落实) with progress entries.
CREATE TABLE commitment (
    id           uuid          PRIMARY KEY,
    case_id      uuid          NOT NULL REFERENCES handling_case (id),
    round        smallint      NOT NULL,
    measure      varchar(500)  NOT NULL,
    owner        varchar(100)  NOT NULL,
    target_date  date          NOT NULL,
    fulfilled_on date,
    created_at   timestamptz   NOT NULL
);
CREATE INDEX ix_commitment_case ON commitment (case_id);

CREATE TABLE commitment_progress (
    id             uuid          PRIMARY KEY,
    commitment_id  uuid          NOT NULL REFERENCES commitment (id),
    note           varchar(2000) NOT NULL,
    fulfilled      boolean       NOT NULL,
    reported_by    varchar(200)  NOT NULL,
    reported_at    timestamptz   NOT NULL
);
CREATE INDEX ix_commitment_progress ON commitment_progress (commitment_id, reported_at);
