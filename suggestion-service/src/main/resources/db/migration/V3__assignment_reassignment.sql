-- Assignment (交办): the units of a suggestion with their role and deadlines.
ALTER TABLE suggestion ADD COLUMN assigned_on date;

CREATE TABLE suggestion_unit (
    suggestion_id     uuid         NOT NULL REFERENCES suggestion (id),
    position          integer      NOT NULL,
    unit_code         varchar(40)  NOT NULL,
    unit_name         varchar(100) NOT NULL,
    role              varchar(10)  NOT NULL,
    assigned_on       date         NOT NULL,
    reply_due         date,
    joint_opinion_due date,
    CONSTRAINT pk_suggestion_unit PRIMARY KEY (suggestion_id, position)
);
CREATE INDEX ix_suggestion_unit_unit ON suggestion_unit (unit_code);

-- A unit asks the congress office to move a suggestion that is not its responsibility.
CREATE TABLE reassignment_request (
    id               uuid         PRIMARY KEY,
    suggestion_id    uuid         NOT NULL REFERENCES suggestion (id),
    unit_code        varchar(40)  NOT NULL,
    reason           varchar(1000) NOT NULL,
    state            varchar(10)  NOT NULL,
    requested_by     varchar(200) NOT NULL,
    requested_at     timestamptz  NOT NULL,
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_comment varchar(1000),
    version          bigint       NOT NULL
);
CREATE INDEX ix_reassignment_request_suggestion ON reassignment_request (suggestion_id);
CREATE UNIQUE INDEX uq_reassignment_request_pending ON reassignment_request (suggestion_id, unit_code) WHERE state = 'PENDING';
