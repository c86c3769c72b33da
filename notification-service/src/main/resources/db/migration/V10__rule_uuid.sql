-- Rules are addressed by a uuid like every other resource of the API: a counting id tells a caller how many rules
-- exist and invites guessing the next (OWASP API1, object level authorization).
ALTER TABLE notification_rule ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE notification_rule DROP CONSTRAINT notification_rule_pkey;
ALTER TABLE notification_rule DROP COLUMN id;
ALTER TABLE notification_rule RENAME COLUMN uid TO id;
ALTER TABLE notification_rule ALTER COLUMN id DROP DEFAULT;
ALTER TABLE notification_rule ADD CONSTRAINT notification_rule_pkey PRIMARY KEY (id);
