-- Read model built from the suggestions and cases topics; every row can be rebuilt by replaying them.
CREATE TABLE report_suggestion (
    id                uuid         NOT NULL CONSTRAINT pk_report_suggestion PRIMARY KEY,
    congress_body     varchar(40)  NOT NULL,
    number            varchar(40)  NOT NULL,
    kind              varchar(20),
    title             varchar(500),
    term              integer,
    session           integer,
    year              integer,
    topics            varchar(2000),
    supervision_level varchar(40),
    priority          varchar(20),
    lead_deputy_id    varchar(40),
    lead_deputy_name  varchar(100),
    assigned_on       date,
    withdrawn         boolean      NOT NULL DEFAULT false,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX ix_report_suggestion_body_year ON report_suggestion (congress_body, year);

CREATE TABLE report_case (
    id                        uuid         NOT NULL CONSTRAINT pk_report_case PRIMARY KEY,
    suggestion_id             uuid         NOT NULL,
    congress_body             varchar(40)  NOT NULL,
    number                    varchar(40)  NOT NULL,
    unit_code                 varchar(40)  NOT NULL,
    unit_name                 varchar(200),
    role                      varchar(20)  NOT NULL,
    state                     varchar(40)  NOT NULL,
    title                     varchar(500),
    assigned_on               date,
    reply_due                 date,
    joint_opinion_due         date,
    undertaking_department    varchar(200),
    leader_led                boolean      NOT NULL DEFAULT false,
    replied_on                date,
    replied_at                timestamptz,
    reply_on_time             boolean,
    result_category           varchar(4),
    evaluation_result         varchar(30),
    opinion_sent_on           date,
    opinion_on_time           boolean,
    first_communication_at    timestamptz,
    first_face_to_face_at     timestamptz,
    phone_count               integer      NOT NULL DEFAULT 0,
    meeting_count             integer      NOT NULL DEFAULT 0,
    on_site_count             integer      NOT NULL DEFAULT 0,
    symposium_count           integer      NOT NULL DEFAULT 0,
    visit_count               integer      NOT NULL DEFAULT 0,
    draft_consultation_count  integer      NOT NULL DEFAULT 0,
    returned_drafts           integer      NOT NULL DEFAULT 0,
    rehandled                 boolean      NOT NULL DEFAULT false,
    updated_at                timestamptz  NOT NULL
);
CREATE INDEX ix_report_case_unit ON report_case (unit_code);
CREATE INDEX ix_report_case_body ON report_case (congress_body);
CREATE INDEX ix_report_case_suggestion ON report_case (suggestion_id);
