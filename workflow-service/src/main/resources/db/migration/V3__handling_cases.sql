-- One handling case per (suggestion, unit), opened from suggestion.assigned.v1 / suggestion.reassigned.v1.
CREATE TABLE handling_case (
    id                      uuid         PRIMARY KEY,
    suggestion_id           uuid         NOT NULL,
    congress_body           varchar(40)  NOT NULL,
    number                  varchar(32)  NOT NULL,
    kind                    varchar(16)  NOT NULL,
    title                   varchar(200) NOT NULL,
    year                    smallint     NOT NULL,
    supervision_level       varchar(30)  NOT NULL,
    priority                varchar(16)  NOT NULL,
    lead_deputy_id          varchar(64)  NOT NULL,
    lead_deputy_name        varchar(50)  NOT NULL,
    unit_code               varchar(40)  NOT NULL,
    unit_name               varchar(100) NOT NULL,
    role                    varchar(10)  NOT NULL,
    state                   varchar(30)  NOT NULL,
    assigned_on             date         NOT NULL,
    due_on                  date         NOT NULL,
    round                   smallint     NOT NULL,
    leader_in_charge        varchar(50),
    lead_handler            varchar(50),
    undertaking_department  varchar(100),
    assisting_departments   text,
    responsible_person      varchar(50),
    internal_deadline       date,
    review_step             smallint,
    review_complete         boolean      NOT NULL DEFAULT false,
    last_evaluation         varchar(30),
    opened_at               timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    history_length          integer      NOT NULL DEFAULT 0,
    history_head            varchar(64),
    version                 bigint       NOT NULL,
    CONSTRAINT uq_case_suggestion_unit UNIQUE (suggestion_id, unit_code)
);
CREATE INDEX ix_case_unit_state ON handling_case (unit_code, state);
CREATE INDEX ix_case_body ON handling_case (congress_body, state);
CREATE INDEX ix_case_deputy ON handling_case (lead_deputy_id);

CREATE TABLE case_communication (
    id            uuid          PRIMARY KEY,
    case_id       uuid          NOT NULL REFERENCES handling_case (id),
    round         smallint      NOT NULL,
    kind          varchar(30)   NOT NULL,
    occurred_at   timestamptz   NOT NULL,
    participants  text          NOT NULL,
    summary       varchar(2000) NOT NULL,
    deputy_views  varchar(2000),
    recorded_by   varchar(200)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX ix_communication_case ON case_communication (case_id, round);

-- Every saved version of a reply (or joint opinion) draft; never overwritten.
CREATE TABLE reply_draft (
    id           uuid          PRIMARY KEY,
    case_id      uuid          NOT NULL REFERENCES handling_case (id),
    version      integer       NOT NULL,
    round        smallint      NOT NULL,
    category     varchar(1),
    content      text          NOT NULL,
    commitments  text          NOT NULL,
    contacts     text          NOT NULL,
    changes      text          NOT NULL,
    created_by   varchar(200)  NOT NULL,
    created_at   timestamptz   NOT NULL,
    CONSTRAINT uq_reply_draft_version UNIQUE (case_id, version)
);

-- The formal reply letters issued (one per round) and the joint opinions sent to the lead unit.
CREATE TABLE reply_letter (
    id               uuid          PRIMARY KEY,
    case_id          uuid          NOT NULL REFERENCES handling_case (id),
    round            smallint      NOT NULL,
    draft_version    integer       NOT NULL,
    document_number  varchar(60)   NOT NULL,
    category         varchar(1)    NOT NULL,
    content          text          NOT NULL,
    commitments      text          NOT NULL,
    contacts         text          NOT NULL,
    disclosure       varchar(20)   NOT NULL,
    issued_on        date          NOT NULL,
    issued_at        timestamptz   NOT NULL,
    due_on           date          NOT NULL,
    on_time          boolean       NOT NULL,
    issued_by        varchar(200)  NOT NULL,
    CONSTRAINT uq_reply_letter_round UNIQUE (case_id, round),
    CONSTRAINT uq_reply_letter_number UNIQUE (document_number)
);

CREATE TABLE joint_opinion (
    id             uuid          PRIMARY KEY,
    case_id        uuid          NOT NULL UNIQUE REFERENCES handling_case (id),
    suggestion_id  uuid          NOT NULL,
    unit_code      varchar(40)   NOT NULL,
    unit_name      varchar(100)  NOT NULL,
    content        text          NOT NULL,
    contacts       text          NOT NULL,
    sent_at        timestamptz   NOT NULL,
    due_on         date          NOT NULL,
    on_time        boolean       NOT NULL,
    sent_by        varchar(200)  NOT NULL
);
CREATE INDEX ix_joint_opinion_suggestion ON joint_opinion (suggestion_id);

CREATE TABLE evaluation (
    id                    uuid          PRIMARY KEY,
    case_id               uuid          NOT NULL REFERENCES handling_case (id),
    round                 smallint      NOT NULL,
    result                varchar(30)   NOT NULL,
    comments              varchar(2000),
    communication_rating  varchar(30),
    result_rating         varchar(30),
    deputy_id             varchar(64)   NOT NULL,
    evaluated_at          timestamptz   NOT NULL,
    CONSTRAINT uq_evaluation_round UNIQUE (case_id, round)
);

-- Document numbers (文号): one sequence per unit and year, taken under the row lock.
CREATE TABLE document_number_sequence (
    unit_code   varchar(40) NOT NULL,
    year        smallint    NOT NULL,
    last_value  integer     NOT NULL,
    CONSTRAINT pk_document_number_sequence PRIMARY KEY (unit_code, year)
);
