-- A published summary's snapshot is JSON mapped by Hibernate (AnnualSummaryPublication.document, a SummarySnapshot):
-- stored as jsonb.
ALTER TABLE annual_summary_publication ALTER COLUMN document TYPE jsonb USING document::jsonb;
