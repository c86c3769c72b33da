-- Each unit's case on a suggestion as workflow-service last reported it (topic cases).
CREATE TABLE case_progress (
    case_id       uuid         PRIMARY KEY,
    suggestion_id uuid         NOT NULL,
    unit_code     varchar(40)  NOT NULL,
    role          varchar(10)  NOT NULL,
    state         varchar(30)  NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    last_event    varchar(100) NOT NULL
);
CREATE INDEX ix_case_progress_suggestion ON case_progress (suggestion_id);

-- Inbox: every consumed event, written in the same transaction as its effect (effectively-once).
CREATE TABLE inbox_event (
    source       varchar(200) NOT NULL,
    event_id     varchar(100) NOT NULL,
    event_type   varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL,
    CONSTRAINT pk_inbox_event PRIMARY KEY (source, event_id)
);
