-- Supervision's first page of open steps at fifty thousand (issue 17, third pass): a step keeps the due date
-- supervision sorts it by (the due date its task carries, else the one its open period gave the task), kept in the
-- step's transaction by workflow.WorkDays with the work list's day; a step without one keeps 9999-12-31 so that the
-- column has no NULLs and undated steps sort last by a plain index order.
ALTER TABLE step ADD COLUMN due_sort TIMESTAMP WITH TIME ZONE DEFAULT TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' NOT NULL;
UPDATE step SET due_sort = COALESCE(due_at,
        (SELECT p.due_at FROM step_period p WHERE p.task_id = step.task_id AND p.state = 'OPEN' FETCH FIRST 1 ROWS ONLY),
        TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00')
 WHERE state = 'OPEN';
-- Open steps by that due date (then creation); by creation is V190's step_open_created_idx.
CREATE INDEX step_open_due_idx ON step (state, due_sort, created_at, id);
