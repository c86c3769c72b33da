-- Deputies' contact data from deputy.contact-updated.v1 (personal data; the latest event wins).
CREATE TABLE deputy_contact (
    deputy_id          varchar(40)  PRIMARY KEY,
    congress_body      varchar(40)  NOT NULL,
    name               varchar(100) NOT NULL,
    delegation         varchar(100),
    mobile             varchar(40),
    email              varchar(254),
    preferred_channels varchar(100),
    updated_at         timestamptz  NOT NULL
);

-- What this service knows of each suggestion (from suggestion events): case events name only the suggestion.
CREATE TABLE suggestion_ref (
    suggestion_id  uuid         PRIMARY KEY,
    congress_body  varchar(40)  NOT NULL,
    number         varchar(40)  NOT NULL,
    title          varchar(500) NOT NULL,
    lead_deputy_id varchar(40),
    co_signer_ids  varchar(2000),
    updated_at     timestamptz  NOT NULL
);

-- Staff who receive notices; registered through the API by the system or their unit office.
CREATE TABLE staff_recipient (
    id          uuid         PRIMARY KEY,
    username    varchar(200) NOT NULL UNIQUE,
    name        varchar(100) NOT NULL,
    unit_code   varchar(40)  NOT NULL,
    roles       varchar(200) NOT NULL,
    email       varchar(254),
    mobile      varchar(40),
    locale      varchar(10)  NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX ix_staff_recipient_unit ON staff_recipient (unit_code);

-- Which event type goes to which audience, on which channels, with which template; operators edit it through the API.
CREATE TABLE notification_rule (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type  varchar(100) NOT NULL,
    audience    varchar(20)  NOT NULL,
    channels    varchar(100) NOT NULL,
    template    varchar(100) NOT NULL,
    enabled     boolean      NOT NULL,
    version     bigint       NOT NULL,
    CONSTRAINT uq_notification_rule UNIQUE (event_type, audience)
);

-- One notice to one recipient on one channel for one event: at most once (the unique key), however often the event arrives.
CREATE TABLE notification (
    id              uuid          PRIMARY KEY,
    event_id        varchar(100)  NOT NULL,
    event_type      varchar(100)  NOT NULL,
    suggestion_id   uuid,
    case_id         uuid,
    congress_body   varchar(40),
    unit_code       varchar(40),
    recipient_kind  varchar(10)   NOT NULL,
    recipient_id    varchar(64)   NOT NULL,
    recipient_name  varchar(100)  NOT NULL,
    channel         varchar(10)   NOT NULL,
    destination     varchar(254),
    template        varchar(100)  NOT NULL,
    subject         varchar(500),
    body            text,
    status          varchar(10)   NOT NULL,
    attempts        integer       NOT NULL,
    next_attempt_at timestamptz,
    failure_reason  varchar(1000),
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz,
    read_at         timestamptz,
    CONSTRAINT uq_notification_once UNIQUE (event_id, recipient_kind, recipient_id, channel)
);
CREATE INDEX ix_notification_due ON notification (channel, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX ix_notification_recipient ON notification (recipient_kind, recipient_id, created_at) WHERE channel = 'INBOX';
CREATE INDEX ix_notification_suggestion ON notification (suggestion_id);
CREATE INDEX ix_notification_case ON notification (case_id);

-- Every try to hand a notice to its provider: the intent is written before sending, the outcome after.
CREATE TABLE delivery_attempt (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id uuid          NOT NULL REFERENCES notification (id),
    number          integer       NOT NULL,
    started_at      timestamptz   NOT NULL,
    finished_at     timestamptz,
    outcome         varchar(10),
    detail          varchar(1000),
    CONSTRAINT uq_delivery_attempt UNIQUE (notification_id, number)
);

INSERT INTO notification_rule (event_type, audience, channels, template, enabled, version) VALUES
 ('suggestion.assigned.v1',          'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-assigned',       true, 0),
 ('suggestion.assigned.v1',          'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-assigned',        true, 0),
 ('suggestion.reassigned.v1',        'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-reassigned',     true, 0),
 ('suggestion.reassigned.v1',        'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-assigned',        true, 0),
 ('case.distributed.v1',             'HANDLER',     'EMAIL,INBOX', 'staff-distributed',     true, 0),
 ('case.distributed.v1',             'UNIT_LEADER', 'EMAIL,INBOX', 'staff-distributed',     true, 0),
 ('case.communication-recorded.v1',  'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-communication',  true, 0),
 ('case.draft-submitted.v1',         'UNIT_LEADER', 'EMAIL,INBOX', 'staff-review-waiting',  true, 0),
 ('case.review-decided.v1',          'HANDLER',     'EMAIL,INBOX', 'staff-review-decided',  true, 0),
 ('case.replied.v1',                 'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-replied',        true, 0),
 ('case.evaluated.v1',               'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-evaluated',       true, 0),
 ('case.rehandling-started.v1',      'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-rehandling',     true, 0),
 ('case.commitment-updated.v1',      'LEAD_DEPUTY', 'EMAIL,INBOX', 'deputy-commitment',     true, 0),
 ('case.deadline-approaching.v1',    'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-deadline',        true, 0),
 ('case.deadline-approaching.v1',    'UNIT_LEADER', 'EMAIL,INBOX', 'staff-deadline',        true, 0),
 ('case.overdue.v1',                 'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-overdue',         true, 0),
 ('case.overdue.v1',                 'UNIT_LEADER', 'EMAIL,INBOX', 'staff-overdue',         true, 0),
 ('case.chased.v1',                  'UNIT_OFFICE', 'EMAIL,INBOX', 'staff-chased',          true, 0);
