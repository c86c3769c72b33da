-- The steps of the old platform imported into each case (POST /api/v1/case-imports): one row per (case, source record,
-- step index) with a fingerprint of the step as sent, so the same import again is skipped and a different step at the
-- same place is refused. Written in the case's own import transaction, with the steps themselves.
CREATE TABLE case_import_step (
    case_id        uuid          NOT NULL REFERENCES handling_case (id),
    source_record  varchar(200)  NOT NULL,
    step_index     smallint      NOT NULL,
    step_kind      varchar(20)   NOT NULL,
    fingerprint    varchar(64)   NOT NULL,
    imported_at    timestamptz   NOT NULL,
    imported_by    varchar(200)  NOT NULL,
    CONSTRAINT pk_case_import_step PRIMARY KEY (case_id, source_record, step_index)
);
