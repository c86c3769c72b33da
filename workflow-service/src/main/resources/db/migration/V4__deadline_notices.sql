-- Each reminder and each overdue mark of one deadline happens once, however many replicas run the job:
-- the job inserts here first and publishes only when its insert won.
CREATE TABLE deadline_notice (
    case_id   uuid         NOT NULL REFERENCES handling_case (id),
    due_on    date         NOT NULL,
    notice    varchar(20)  NOT NULL,
    sent_at   timestamptz  NOT NULL,
    CONSTRAINT pk_deadline_notice PRIMARY KEY (case_id, due_on, notice)
);
