-- A clerk's work list is a query on our own steps (issue 17): the group the step is offered to (the projection of
-- its party, kept in step with the dossier by workflow.StepProjection), its process, and indexes for the page.
ALTER TABLE step ADD COLUMN responsible_group VARCHAR(64);
ALTER TABLE step ADD COLUMN process_definition_id VARCHAR(64);
ALTER TABLE step ADD COLUMN process_key VARCHAR(64);
CREATE INDEX step_work_list_idx ON step (state, responsible_group, created_at);
CREATE INDEX step_assignee_idx ON step (assignee, state);
CREATE INDEX step_task_period_idx ON step_period (task_id, state);
