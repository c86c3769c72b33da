-- What the notification-service reported about the notices of each case (or of a suggestion as a whole).
CREATE TABLE report_notice (
    subject_id                  uuid        NOT NULL CONSTRAINT pk_report_notice PRIMARY KEY, -- the case, else the suggestion
    suggestion_id               uuid        NOT NULL,
    case_id                     uuid,
    congress_body               varchar(40),
    sent_count                  integer     NOT NULL DEFAULT 0,
    failed_count                integer     NOT NULL DEFAULT 0,
    deputy_reply_notified_at    timestamptz,                      -- first notice of the reply delivered to the deputy
    deputy_reply_failed_count   integer     NOT NULL DEFAULT 0,   -- notices of the reply to the deputy that failed
    last_failed_at              timestamptz,
    updated_at                  timestamptz NOT NULL
);
CREATE INDEX ix_report_notice_suggestion ON report_notice (suggestion_id);
COMMENT ON TABLE report_notice IS 'read model: rebuilt from the topics';
