-- A case's assisting departments are a list mapped by Hibernate (HandlingCase.assistingDepartments): a jsonb array.
ALTER TABLE handling_case ALTER COLUMN assisting_departments TYPE jsonb USING assisting_departments::jsonb;
