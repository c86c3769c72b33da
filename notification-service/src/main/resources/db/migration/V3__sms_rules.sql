-- Deputies get the assignment notice, the reply (evaluation request) and overdue leaders the overdue notice also by SMS.
UPDATE notification_rule SET channels = 'EMAIL,SMS,INBOX', version = version + 1
 WHERE (event_type, audience) IN (('suggestion.assigned.v1', 'LEAD_DEPUTY'), ('case.replied.v1', 'LEAD_DEPUTY'),
                                  ('case.overdue.v1', 'UNIT_LEADER'));
