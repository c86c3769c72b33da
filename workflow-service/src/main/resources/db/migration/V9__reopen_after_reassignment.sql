-- A unit removed by reassignment and later added again gets a fresh case: only one case per (suggestion, unit)
-- that was not closed by reassignment.
ALTER TABLE handling_case DROP CONSTRAINT uq_case_suggestion_unit;
CREATE UNIQUE INDEX uq_case_suggestion_unit_open ON handling_case (suggestion_id, unit_code)
    WHERE state <> 'CLOSED_BY_REASSIGNMENT';
CREATE INDEX ix_case_suggestion ON handling_case (suggestion_id);
