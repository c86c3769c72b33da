-- Each communication once per case it covers: a symposium shared by several cases has one communication_id,
-- so counting communications by kind counts distinct ids. Older events without an id use their event id.
CREATE TABLE report_communication (
    communication_id varchar(100) NOT NULL,
    case_id          uuid         NOT NULL,
    kind             varchar(40)  NOT NULL,
    communicated_at  timestamptz,
    CONSTRAINT pk_report_communication PRIMARY KEY (communication_id, case_id)
);
CREATE INDEX ix_report_communication_case ON report_communication (case_id);

-- The measures of a case's latest reply (case.replied.v1 commitments[]); reported = false for an older
-- event without the field, where the summary uses the office's own narrative instead.
CREATE TABLE report_reply_measures (
    case_id     uuid        NOT NULL CONSTRAINT pk_report_reply_measures PRIMARY KEY,
    reported    boolean     NOT NULL,
    commitments jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- 索引号 sequence per credit code and year; allocated with an upsert that locks the row, so concurrent drafts never share a number.
CREATE TABLE summary_index_sequence (
    credit_code varchar(18) NOT NULL,
    year        integer     NOT NULL,
    last_value  integer     NOT NULL,
    CONSTRAINT pk_summary_index_sequence PRIMARY KEY (credit_code, year)
);

-- The unit office's draft of its annual work summary: the disclosure header. Figures are never stored.
CREATE TABLE annual_summary_draft (
    id                uuid         NOT NULL CONSTRAINT pk_annual_summary_draft PRIMARY KEY,
    unit_code         varchar(40)  NOT NULL,
    year              integer      NOT NULL,
    credit_code       varchar(18)  NOT NULL,
    organisation_name varchar(200) NOT NULL,
    index_sequence    integer      NOT NULL,
    classification    varchar(100),
    publisher         varchar(200) NOT NULL,
    written_on        date,
    name              varchar(300) NOT NULL,
    document_number   varchar(100),
    published_on      date,
    subject_words     varchar(300),
    addressee         varchar(200) NOT NULL,
    version           bigint       NOT NULL,
    created_by        varchar(200) NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_by        varchar(200) NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT uq_annual_summary_draft_unit_year UNIQUE (unit_code, year),
    CONSTRAINT uq_annual_summary_draft_index UNIQUE (credit_code, year, index_sequence)
);

-- Every edit of a narrative section is kept: the latest revision is the text in force.
CREATE TABLE annual_summary_narrative (
    id          uuid          NOT NULL CONSTRAINT pk_annual_summary_narrative PRIMARY KEY,
    draft_id    uuid          NOT NULL CONSTRAINT fk_annual_summary_narrative_draft REFERENCES annual_summary_draft (id),
    section_key varchar(60)   NOT NULL,
    revision    integer       NOT NULL,
    text        varchar(20000) NOT NULL,
    edited_by   varchar(200)  NOT NULL,
    edited_at   timestamptz   NOT NULL,
    CONSTRAINT uq_annual_summary_narrative_revision UNIQUE (draft_id, section_key, revision)
);
