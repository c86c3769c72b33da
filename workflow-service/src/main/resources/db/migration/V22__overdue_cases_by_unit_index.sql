-- The operators' gauge of overdue cases per congress body and unit (service/CaseSignals) counts the cases owing a reply
-- or opinion every few seconds in each replica: from this small partial index alone, never the table. The state list is
-- HandlingCase.OWING; a query must name the same list for PostgreSQL to use the index.
CREATE INDEX ix_case_owing_unit_due ON handling_case (congress_body, unit_code, due_on)
    WHERE state IN ('ASSIGNED', 'DISTRIBUTED', 'COMMUNICATING', 'DRAFTING', 'UNDER_REVIEW', 'REHANDLING');
