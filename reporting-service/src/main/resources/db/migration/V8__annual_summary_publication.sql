-- The published annual summary (办理结果公开): one row per unit and year, holding the snapshot frozen when the unit office
-- last published it: the disclosure header as it was then and the rendered summary (its structure as JSON and its HTML
-- page). Publishing again replaces the snapshot and moves version on (the public ETag); a withdrawal keeps the row but
-- takes it off the public pages. The office's own writing, not derived from events: not marked as read model, so a
-- rebuild never touches it.
CREATE TABLE annual_summary_publication (
    id                uuid          NOT NULL CONSTRAINT pk_annual_summary_publication PRIMARY KEY,
    unit_code         varchar(40)   NOT NULL,
    year              integer       NOT NULL,
    draft_id          uuid          NOT NULL CONSTRAINT fk_annual_summary_publication_draft REFERENCES annual_summary_draft (id),
    version           bigint        NOT NULL,
    published_on      date          NOT NULL,
    index_number      varchar(34)   NOT NULL,
    classification    varchar(100),
    publisher         varchar(200)  NOT NULL,
    written_on        date,
    name              varchar(300)  NOT NULL,
    document_number   varchar(100),
    header_published_on date        NOT NULL,
    subject_words     varchar(300),
    document          text          NOT NULL,
    html              text          NOT NULL,
    published_by      varchar(200)  NOT NULL,
    published_at      timestamptz   NOT NULL,
    withdrawn_at      timestamptz,
    withdrawn_by      varchar(200),
    withdrawal_reason varchar(500),
    CONSTRAINT uq_annual_summary_publication_unit_year UNIQUE (unit_code, year)
);
-- the public list: what is published, newest first
CREATE INDEX ix_annual_summary_publication_public ON annual_summary_publication (published_on DESC, unit_code, year)
    WHERE withdrawn_at IS NULL;
