-- Supervision's counts at fifty thousand (issue 17, third pass): a decision keeps how many of its steps are open and
-- the stages (processes) they belong to, as a bit mask (bit n-1 for stage n: 1 proposal, 2 launch, 4 drafting, ...,
-- 2048 archive), kept in the transaction that opens, completes or cancels a step (workflow.WorkDays). Supervision's
-- counts by stage, status and unit are then one scan of the organ's decisions, without joining every open step.
ALTER TABLE decision ADD COLUMN open_steps INT DEFAULT 0 NOT NULL;
ALTER TABLE decision ADD COLUMN open_stages INT DEFAULT 0 NOT NULL;
UPDATE decision SET open_steps = (SELECT COUNT(*) FROM step s WHERE s.decision_id = decision.id AND s.state = 'OPEN'),
       open_stages = COALESCE((SELECT SUM(DISTINCT CASE s.process_key
                WHEN 'stage-proposal' THEN 1 WHEN 'stage-launch' THEN 2 WHEN 'stage-drafting' THEN 4
                WHEN 'stage-participation' THEN 8 WHEN 'stage-expert' THEN 16 WHEN 'stage-risk' THEN 32
                WHEN 'stage-legality' THEN 64 WHEN 'stage-meeting' THEN 128 WHEN 'stage-publication' THEN 256
                WHEN 'stage-execution' THEN 512 WHEN 'stage-evaluation' THEN 1024 WHEN 'stage-archive' THEN 2048 ELSE 0 END)
            FROM step s WHERE s.decision_id = decision.id AND s.state = 'OPEN'), 0);
-- The scan: the organ's decisions with the columns the counts group by.
CREATE INDEX decision_organ_tally_idx ON decision (organ_code, status, lead_unit, stage, open_stages, open_steps);
