-- The suggestion completed: content, proposers, supervision and priority; withdrawal before assignment.
ALTER TABLE suggestion
    ADD COLUMN subject_category  varchar(100),
    ADD COLUMN supervision_level varchar(30)  NOT NULL DEFAULT 'ORDINARY',
    ADD COLUMN priority          varchar(20)  NOT NULL DEFAULT 'ORDINARY',
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawn_by      varchar(200),
    ADD COLUMN withdrawal_reason varchar(500);
CREATE INDEX ix_suggestion_listing ON suggestion (congress_body, year, session);

CREATE TABLE suggestion_topic (
    suggestion_id uuid        NOT NULL REFERENCES suggestion (id),
    position      integer     NOT NULL,
    topic         varchar(50) NOT NULL,
    CONSTRAINT pk_suggestion_topic PRIMARY KEY (suggestion_id, position)
);
CREATE INDEX ix_suggestion_topic ON suggestion_topic (topic);

-- Co-signers (附议): they read the suggestion like its lead deputy.
CREATE TABLE suggestion_co_signer (
    suggestion_id uuid         NOT NULL REFERENCES suggestion (id),
    position      integer      NOT NULL,
    deputy_id     varchar(64)  NOT NULL,
    name          varchar(50)  NOT NULL,
    delegation    varchar(100),
    CONSTRAINT pk_suggestion_co_signer PRIMARY KEY (suggestion_id, position)
);
CREATE INDEX ix_suggestion_co_signer_deputy ON suggestion_co_signer (deputy_id);

-- Reference data kept by the congress offices (or upserted by their systems).
CREATE TABLE congress_body (
    code     varchar(40)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    kind     varchar(10)  NOT NULL,
    version  bigint       NOT NULL
);

CREATE TABLE congress_session (
    congress_body varchar(40)  NOT NULL REFERENCES congress_body (code) ON DELETE CASCADE,
    position      integer      NOT NULL,
    term          smallint     NOT NULL,
    session       smallint     NOT NULL,
    year          smallint     NOT NULL,
    name          varchar(100) NOT NULL,
    CONSTRAINT pk_congress_session PRIMARY KEY (congress_body, position)
);

CREATE TABLE handling_unit (
    code                       varchar(40)  PRIMARY KEY,
    name                       varchar(100) NOT NULL,
    unified_social_credit_code varchar(18)  NOT NULL,
    version                    bigint       NOT NULL
);

CREATE TABLE deputy (
    congress_body varchar(40)  NOT NULL,
    id            varchar(64)  NOT NULL,
    name          varchar(50)  NOT NULL,
    delegation    varchar(100),
    phone         varchar(30),
    email         varchar(100),
    version       bigint       NOT NULL,
    CONSTRAINT pk_deputy PRIMARY KEY (congress_body, id)
);
