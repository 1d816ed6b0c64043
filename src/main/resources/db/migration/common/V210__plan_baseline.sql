-- Issue 16, the planner (最早合法决策日期): the plan made when the matter was launched (Art. 11), kept as rows so that
-- the dossier and supervision can show how far the matter slipped and which step holds it. Written once, at launch.
CREATE TABLE juece.plan_baseline (
    decision_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES juece.decision (id),
    meeting_on   DATE          NOT NULL,
    provisional  BOOLEAN       NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE juece.plan_baseline_step (
    decision_id  BIGINT        NOT NULL REFERENCES juece.decision (id),
    step         VARCHAR(32)   NOT NULL,
    start_on     DATE          NOT NULL,
    end_on       DATE          NOT NULL,
    critical     BOOLEAN       NOT NULL,
    PRIMARY KEY (decision_id, step)
);
