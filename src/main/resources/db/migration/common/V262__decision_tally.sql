-- Supervision's counts as a read model (issue 17, ninth pass): how many decisions, and how many open steps they have,
-- per organ, registration year (the county's calendar), status, lead unit, current stage and the stages with an open
-- step (decision.open_stages). Kept by decision.DecisionTally just before each transaction that changes one of those
-- columns of a decision commits; supervision then reads a few rows instead of aggregating every decision of the organ.
CREATE TABLE decision_tally (
    organ_code   VARCHAR(16) NOT NULL,
    reg_year     INT         NOT NULL,
    status       VARCHAR(32) NOT NULL,
    lead_unit    VARCHAR(32) NOT NULL,
    stage        VARCHAR(32) NOT NULL,
    open_stages  INT         NOT NULL,
    decisions    BIGINT      NOT NULL,
    open_steps   BIGINT      NOT NULL,
    PRIMARY KEY (organ_code, reg_year, status, lead_unit, stage, open_stages)
);
-- What each decision is counted as in decision_tally: NULL until counted. A decision whose columns differ from these
-- is moved from its old count to its new one; the application counts the decisions found uncounted when it starts
-- (this migration's existing decisions, rows written around it).
ALTER TABLE decision ADD COLUMN tallied_organ VARCHAR(16);
ALTER TABLE decision ADD COLUMN tallied_year INT;
ALTER TABLE decision ADD COLUMN tallied_status VARCHAR(32);
ALTER TABLE decision ADD COLUMN tallied_unit VARCHAR(32);
ALTER TABLE decision ADD COLUMN tallied_stage VARCHAR(32);
ALTER TABLE decision ADD COLUMN tallied_stages INT;
ALTER TABLE decision ADD COLUMN tallied_steps INT;
