-- Issue 15 (Art. 64): each deciding organ's own calendar overrides. A day the national notice does not set but the
-- organ's locality does: a local rest day (e.g. an autonomous county's founding anniversary, by its regulation) or a
-- locally adjusted working day. A deadline of the organ's matters counts it; other organs' deadlines do not.
CREATE TABLE organ_calendar_day (
    organ_code   VARCHAR(16)              NOT NULL REFERENCES organ (code),
    cal_date     DATE                     NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    reason       VARCHAR(200)             NOT NULL,
    entered_by   VARCHAR(64)              NOT NULL,
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organ_code, cal_date),
    CONSTRAINT organ_calendar_day_kind_ck CHECK (kind IN ('REST', 'WORK'))
);
