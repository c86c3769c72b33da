-- workflow-service's supervision job: the deputy is reminded before the evaluation window closes (also by SMS),
-- and the unit office learns when a reply is counted as not evaluated.
INSERT INTO notification_rule (event_type, audience, channels, template, enabled, version) VALUES
 ('case.evaluation-reminder.v1',      'LEAD_DEPUTY', 'EMAIL,SMS,INBOX', 'deputy-evaluation-reminder',     true, 0),
 ('case.evaluation-window-closed.v1', 'UNIT_OFFICE', 'EMAIL,INBOX',     'staff-evaluation-window-closed', true, 0);
