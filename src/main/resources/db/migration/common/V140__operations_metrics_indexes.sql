-- Issue 15, operations: the gauges at /actuator/prometheus count open steps by task and open periods past their due
-- date. These indexes hold what they count, so a count costs what is open, not every decision ever registered.
CREATE INDEX step_open_task_idx ON juece.step (state, task_key);
CREATE INDEX step_period_open_due_idx ON juece.step_period (state, due_at);
