-- 办理结果公开: a reply letter the unit marked PUBLIC is published when issued; anyone reads it without a token until
-- the unit (or its congress office) withdraws it. The id is the publication's own, not the case's or the letter's.
CREATE TABLE reply_publication (
    id                 uuid          PRIMARY KEY,
    letter_id          uuid          NOT NULL UNIQUE REFERENCES reply_letter (id),
    case_id            uuid          NOT NULL REFERENCES handling_case (id),
    unit_code          varchar(40)   NOT NULL,
    -- the year of the letter's 成文日期 (issuedOn): the public list filters on it
    year               smallint      NOT NULL,
    index_number       varchar(80)   NOT NULL UNIQUE,
    title              varchar(300)  NOT NULL,
    -- 发布机构 (the unit's name) and 主题词, as they were when published
    publisher          varchar(100)  NOT NULL,
    keywords           varchar(200)  NOT NULL,
    published_on       date          NOT NULL,
    published_at       timestamptz   NOT NULL,
    withdrawn_at       timestamptz,
    withdrawn_by       varchar(200),
    withdrawal_reason  varchar(2000),
    version            bigint        NOT NULL
);
CREATE INDEX ix_reply_publication_list ON reply_publication (unit_code, year, published_on) WHERE withdrawn_at IS NULL;
CREATE INDEX ix_reply_publication_case ON reply_publication (case_id);

-- 索引号: one sequence per (organisation code, year), taken under the row lock as the document numbers are.
CREATE TABLE index_number_sequence (
    organisation_code  varchar(40)  NOT NULL,
    year               smallint     NOT NULL,
    last_value         integer      NOT NULL,
    CONSTRAINT pk_index_number_sequence PRIMARY KEY (organisation_code, year)
);
