-- The people named at distribution, by their token subject: each review step that belongs to a person is decided by them.
ALTER TABLE handling_case ADD COLUMN leader_in_charge_id varchar(200);
ALTER TABLE handling_case ADD COLUMN lead_handler_id varchar(200);
ALTER TABLE handling_case ADD COLUMN department_head_id varchar(200);
