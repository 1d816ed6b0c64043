-- Issue 15, running on several nodes: the public portal's submission windows live in the database, so that every
-- node behind the load balancer counts against one budget per visitor (DECISIONS.md 21). One row per client
-- address: the start of its current fixed window and the submissions in it, moved by one UPDATE per submission.
-- Rows whose window ended long ago are deleted by the application now and then.
CREATE TABLE juece.submission_window (
    client        VARCHAR(64)   NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    submissions   INT           NOT NULL
);
CREATE INDEX submission_window_start_idx ON juece.submission_window (window_start);
