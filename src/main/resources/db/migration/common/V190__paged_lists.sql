-- Paged lists (issue 17): every list a clerk, a supervisor or the public opens reads one page by an indexed query.
-- The due date a step's task carries now (the period mechanism's, or as moved by a pause), kept with the step by
-- the task's update listener, so supervision sorts and counts overdue steps without asking the engine per task.
ALTER TABLE step ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
-- Supervision's open steps by creation; the decision list's stage filter (open steps of a stage's process).
CREATE INDEX step_open_created_idx ON step (state, created_at, id);
CREATE INDEX step_open_process_idx ON step (state, process_key, decision_id);
-- The decision list's sort by the soonest day of a decision's open periods.
CREATE INDEX step_period_open_decision_idx ON step_period (decision_id, state);
-- The decision list and supervision: the organ's decisions by unit and by status, newest first.
CREATE INDEX decision_organ_lead_idx ON decision (organ_code, lead_unit, id);
CREATE INDEX decision_organ_status_idx ON decision (organ_code, status, id);
-- A consultation's opinions shown publicly (moderated first, DECISIONS.md 17), one page at a time.
CREATE INDEX opinion_shown_idx ON opinion (consultation_id, moderation, id);
-- The units a decision's visibility turns on (DECISIONS.md 23): consulted units, the risk assessor.
CREATE INDEX consultation_unit_idx ON consultation (unit_code, decision_id);
CREATE INDEX risk_assessor_unit_idx ON risk_assessor (assessor_unit, decision_id);
-- Supervision lists the escalated periods only (not every period).
CREATE INDEX step_period_escalated_idx ON step_period (escalated_at);
