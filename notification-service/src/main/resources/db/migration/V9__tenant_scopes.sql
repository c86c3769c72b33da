-- Roster ids repeat between congress bodies (a People's Congress and a CPPCC, or two cities): a deputy is
-- (congress_body, deputy_id) everywhere. Contacts kept under the id alone are re-keyed; a body's roster no longer
-- overwrites another body's deputy with the same id.
ALTER TABLE deputy_contact DROP CONSTRAINT deputy_contact_pkey;
ALTER TABLE deputy_contact ADD CONSTRAINT pk_deputy_contact PRIMARY KEY (congress_body, deputy_id);

-- A deputy's inbox is found by (congress_body, recipient_id); every deputy notice carries its body.
CREATE INDEX ix_notification_deputy_inbox ON notification (congress_body, recipient_id, created_at)
    WHERE channel = 'INBOX' AND recipient_kind = 'DEPUTY';

-- Staff usernames are unique per unit only: a unit office registering a username learns nothing of other units.
ALTER TABLE staff_recipient DROP CONSTRAINT staff_recipient_username_key;
ALTER TABLE staff_recipient ADD CONSTRAINT uq_staff_recipient_unit_username UNIQUE (unit_code, username);

-- A rule with congress_body set is that body's override of the global rule (congress_body NULL) for the same
-- event type and audience: it wins for that body's events (a disabled override switches the notice off there).
ALTER TABLE notification_rule ADD COLUMN congress_body varchar(40);
ALTER TABLE notification_rule DROP CONSTRAINT uq_notification_rule;
CREATE UNIQUE INDEX uq_notification_rule ON notification_rule (event_type, audience, COALESCE(congress_body, ''));
