-- Art. 59: the archive. The government office records the archive number (档案号) before archive-file, which
-- refuses to close without it; archive-file's step identity (as in V56, empty until then) is written when it
-- closes. An archive number is used once per deciding organ.
CREATE TABLE juece.archive_record (
    decision_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES juece.decision (id),
    organ_code      VARCHAR(16)   NOT NULL,
    archive_number  VARCHAR(64)   NOT NULL,
    note            VARCHAR(500),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    task_id         VARCHAR(64)   UNIQUE,
    task_key        VARCHAR(64),
    round           INT,
    outcome         VARCHAR(32),
    outcome_label   VARCHAR(200),
    reason          VARCHAR(500),
    acted_by        VARCHAR(64),
    acted_for       VARCHAR(64),
    acted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT archive_record_number_uq UNIQUE (organ_code, archive_number)
);
