-- Supervision's overdue and soon-due counts by unit (issue 17, fourth pass): the open steps due before the soon limit
-- are read from the index alone, with the decision each belongs to, instead of from the table: on PostgreSQL with
-- 50,000 open decisions the query fell from 13.3 ms to 7.9 ms (the step rows' heap blocks were most of it). The new
-- index answers every query the V253 index did, so that one goes.
CREATE INDEX step_open_overdue_dec_idx ON step (state, overdue_at, decision_id);
DROP INDEX step_open_overdue_idx;
