-- Bulk imports of a congress office's batch or spreadsheet: progress and every rejected row with its reason.
CREATE TABLE import_job (
    id            uuid         PRIMARY KEY,
    congress_body varchar(40),
    source        varchar(10)  NOT NULL,
    state         varchar(10)  NOT NULL,
    total         integer      NOT NULL,
    processed     integer      NOT NULL,
    accepted      integer      NOT NULL,
    unchanged     integer      NOT NULL,
    rejected      integer      NOT NULL,
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    finished_at   timestamptz,
    failure       varchar(500)
);

CREATE TABLE import_job_error (
    job_id     uuid          NOT NULL REFERENCES import_job (id),
    row_number integer       NOT NULL,
    number     varchar(64),
    reason     varchar(2000) NOT NULL,
    CONSTRAINT pk_import_job_error PRIMARY KEY (job_id, row_number)
);
