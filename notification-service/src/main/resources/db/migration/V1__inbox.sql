-- Inbox: every event processed, written in the same transaction as its effect (effectively-once).
CREATE TABLE inbox_event (
    source       varchar(200) NOT NULL,
    event_id     varchar(100) NOT NULL,
    event_type   varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL,
    CONSTRAINT pk_inbox_event PRIMARY KEY (source, event_id)
);
