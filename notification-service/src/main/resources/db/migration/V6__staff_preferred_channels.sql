-- Staff choose their channels too (empty: every channel of the rule); the in-app inbox always gets the notice.
ALTER TABLE staff_recipient ADD COLUMN preferred_channels varchar(100);
