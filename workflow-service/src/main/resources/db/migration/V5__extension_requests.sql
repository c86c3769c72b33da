-- A unit asks the congress office to move a deadline; only an approval moves it.
CREATE TABLE extension_request (
    id                uuid          PRIMARY KEY,
    case_id           uuid          NOT NULL REFERENCES handling_case (id),
    current_due_on    date          NOT NULL,
    requested_due_on  date          NOT NULL,
    reason            varchar(2000) NOT NULL,
    requested_by      varchar(200)  NOT NULL,
    requested_at      timestamptz   NOT NULL,
    status            varchar(10)   NOT NULL,
    decided_by        varchar(200),
    decided_at        timestamptz,
    decision_comment  varchar(2000)
);
-- at most one open request per case
CREATE UNIQUE INDEX uq_extension_pending ON extension_request (case_id) WHERE status = 'PENDING';
