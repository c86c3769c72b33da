-- Tables a rebuild replays from the topics are marked by this comment: the rebuild copies their
-- definition into a fresh schema, fills it from the beginning of the topics and swaps it in.
-- A new table written by the projection must carry the same mark (else the rebuild fails loudly).
COMMENT ON TABLE inbox_event IS 'read model: rebuilt from the topics';
COMMENT ON TABLE report_suggestion IS 'read model: rebuilt from the topics';
COMMENT ON TABLE report_case IS 'read model: rebuilt from the topics';

-- Rebuild jobs an operator started, with their progress; not part of the read model.
CREATE TABLE read_model_rebuild (
    id              uuid         NOT NULL CONSTRAINT pk_read_model_rebuild PRIMARY KEY,
    state           varchar(20)  NOT NULL,
    requested_by    varchar(200) NOT NULL,
    requested_at    timestamptz  NOT NULL,
    finished_at     timestamptz,
    heartbeat_at    timestamptz  NOT NULL,
    events_to_read  bigint       NOT NULL DEFAULT 0,
    events_read     bigint       NOT NULL DEFAULT 0,
    events_skipped  bigint       NOT NULL DEFAULT 0,
    error           varchar(1000)
);
-- one rebuild at a time, across replicas
CREATE UNIQUE INDEX uq_read_model_rebuild_running ON read_model_rebuild ((true)) WHERE state IN ('RUNNING', 'SWITCHING');
