-- A communication (e.g. one symposium 座谈会 for several suggestions of the unit) is recorded once and linked to every
-- case it served; each linked case counts it for "communicate first" in the round it was linked in.
CREATE TABLE communication_case (
    communication_id  uuid      NOT NULL REFERENCES case_communication (id),
    case_id           uuid      NOT NULL REFERENCES handling_case (id),
    round             smallint  NOT NULL,
    CONSTRAINT pk_communication_case PRIMARY KEY (communication_id, case_id)
);
INSERT INTO communication_case (communication_id, case_id, round) SELECT id, case_id, round FROM case_communication;
CREATE INDEX ix_communication_case_case ON communication_case (case_id, round);

ALTER TABLE case_communication ADD COLUMN shared_case_count smallint NOT NULL DEFAULT 1;
ALTER TABLE case_communication DROP COLUMN case_id;
ALTER TABLE case_communication DROP COLUMN round;
