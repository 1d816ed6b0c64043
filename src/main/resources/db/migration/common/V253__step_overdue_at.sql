-- Supervision's overdue and soon-due counts (issue 17, third pass): the due date a step can be overdue by — its
-- due_sort (V251), or 9999-12-31 while a minimum holds it (a minimum is never overdue) — kept with due_sort by
-- workflow.WorkDays, so the counts read the index's range without joining each step's period.
ALTER TABLE step ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE DEFAULT TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' NOT NULL;
UPDATE step SET overdue_at = CASE WHEN EXISTS (SELECT 1 FROM step_period p WHERE p.task_id = step.task_id AND p.state = 'OPEN'
                                                 AND p.earliest_close IS NOT NULL)
                                  THEN TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' ELSE due_sort END
 WHERE state = 'OPEN';
CREATE INDEX step_open_overdue_idx ON step (state, overdue_at);
