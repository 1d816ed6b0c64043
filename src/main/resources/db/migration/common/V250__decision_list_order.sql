-- The decision list's first page at fifty thousand decisions (issue 17, third pass): read in the order of one index
-- per organ and stopped after the page. A decision keeps the soonest day of its open step periods (a deadline, or a
-- minimum's earliest close) as due_day, kept in the transaction that opens, moves or closes a period
-- (workflow.WorkDays); a decision without an open period keeps 9999-12-31, so it sorts last by a plain index order.
ALTER TABLE decision ADD COLUMN due_day DATE DEFAULT DATE '9999-12-31' NOT NULL;
UPDATE decision SET due_day = COALESCE(
        (SELECT MIN(COALESCE(p.end_on, p.earliest_close)) FROM step_period p WHERE p.decision_id = decision.id AND p.state = 'OPEN'),
        DATE '9999-12-31');
-- Newest first (sort=created) and by due day (sort=due), each within one organ (the ORDER BY names organ_code,
-- which the WHERE fixes, so that H2 reads the index in order).
CREATE INDEX decision_organ_newest_idx ON decision (organ_code, id DESC);
CREATE INDEX decision_organ_due_idx ON decision (organ_code, due_day, id DESC);
