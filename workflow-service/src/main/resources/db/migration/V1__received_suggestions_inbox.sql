-- workflow-service's own copy of each suggestion it has heard of (from suggestion.submitted.v1).
CREATE TABLE received_suggestion (
    suggestion_id     uuid         PRIMARY KEY,
    congress_body     varchar(40)  NOT NULL,
    number            varchar(32)  NOT NULL,
    kind              varchar(16)  NOT NULL,
    title             varchar(200) NOT NULL,
    lead_deputy_id    varchar(64)  NOT NULL,
    lead_deputy_name  varchar(50)  NOT NULL,
    term              smallint     NOT NULL,
    session           smallint     NOT NULL,
    year              smallint     NOT NULL,
    submitted_on      date         NOT NULL,
    source_event_id   varchar(100) NOT NULL,
    received_at       timestamptz  NOT NULL
);
CREATE INDEX ix_received_suggestion_body ON received_suggestion (congress_body, year);

-- Inbox: every event processed, written in the same transaction as its effect (effectively-once).
CREATE TABLE inbox_event (
    source       varchar(200) NOT NULL,
    event_id     varchar(100) NOT NULL,
    event_type   varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL,
    CONSTRAINT pk_inbox_event PRIMARY KEY (source, event_id)
);
