-- The clerk's first page at fifty thousand open decisions (issue 17). A step keeps the day its work list sorts by
-- ("by due": its open period's deadline or earliest close, or else the day of the due date its task carries), kept
-- in the step's transaction by workflow.WorkDays whenever the period or the task's due date changes; steps without
-- a day keep 9999-12-31 so that the column has no NULLs and the undated steps sort last by a plain index order.
ALTER TABLE step ADD COLUMN work_day DATE DEFAULT DATE '9999-12-31' NOT NULL;
UPDATE step SET work_day = COALESCE(
        (SELECT COALESCE(p.end_on, p.earliest_close) FROM step_period p WHERE p.task_id = step.task_id AND p.state = 'OPEN'
          FETCH FIRST 1 ROWS ONLY),
        CAST(due_at AS DATE), DATE '9999-12-31')
 WHERE state = 'OPEN';
-- One page of one group's open steps, read in index order and stopped after the page (no sort, no count of all rows):
-- by the day, by creation, and each with a stage (process) filter. They replace V67's (state, group, created_at).
DROP INDEX step_work_list_idx;
CREATE INDEX step_group_day_idx ON step (responsible_group, state, work_day, created_at, id);
CREATE INDEX step_group_created_idx ON step (responsible_group, state, created_at, id);
CREATE INDEX step_group_process_day_idx ON step (responsible_group, state, process_key, work_day, created_at, id);
CREATE INDEX step_group_process_created_idx ON step (responsible_group, state, process_key, created_at, id);
