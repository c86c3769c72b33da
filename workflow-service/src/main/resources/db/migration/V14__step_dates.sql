-- The date each step happened outside the system (a reply letter signed on 2021-06-20 and entered later): the caller
-- gives it, today (Asia/Shanghai) when absent. Rows written before this version took the server's clock, so their
-- dates are the days they were recorded, in the zone the service reads dates in.
ALTER TABLE handling_case ADD COLUMN distributed_on date;
ALTER TABLE handling_case ADD COLUMN concluded_on date;
UPDATE handling_case c SET distributed_on = h.day
    FROM (SELECT case_id, max((occurred_at AT TIME ZONE 'Asia/Shanghai')::date) AS day
          FROM case_history WHERE action = 'DISTRIBUTE' GROUP BY case_id) h
    WHERE h.case_id = c.id;
UPDATE handling_case c SET concluded_on = h.day
    FROM (SELECT case_id, max((occurred_at AT TIME ZONE 'Asia/Shanghai')::date) AS day
          FROM case_history WHERE action = 'CONCLUDE' GROUP BY case_id) h
    WHERE h.case_id = c.id;

ALTER TABLE joint_opinion ADD COLUMN sent_on date;
UPDATE joint_opinion SET sent_on = (sent_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE joint_opinion ALTER COLUMN sent_on SET NOT NULL;

ALTER TABLE evaluation ADD COLUMN evaluated_on date;
UPDATE evaluation SET evaluated_on = (evaluated_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE evaluation ALTER COLUMN evaluated_on SET NOT NULL;
