-- Supervision's overdue and soon-due counts by unit (issue 17, sixth pass): each step carries its decision's organ and
-- lead unit, so the counts are one range of one index instead of a join with every decision of the organ (on
-- PostgreSQL with 50,000 open decisions in one organ the join hashed all of them to count the 4,800 steps due soon:
-- 12-18 ms). A decision's organ never changes; its lead unit is kept in step by DecisionRepository.setUnits.
ALTER TABLE step ADD COLUMN organ_code VARCHAR(16);
ALTER TABLE step ADD COLUMN lead_unit VARCHAR(32);
UPDATE step SET organ_code = (SELECT d.organ_code FROM decision d WHERE d.id = step.decision_id),
                lead_unit = (SELECT d.lead_unit FROM decision d WHERE d.id = step.decision_id);
CREATE INDEX step_open_overdue_unit_idx ON step (state, overdue_at, organ_code, lead_unit);
