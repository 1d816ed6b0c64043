-- The working-day calendar and the statutory periods (issue 5). Seeded from config/holidays/*.yaml and
-- config/periods.yaml on first start; afterwards the audited database is the truth (DECISIONS.md 15).
-- H2 reserves YEAR and DAY: the columns are holiday_year and cal_date (STACK-NOTES).

-- One row per year whose official arrangement is known; its State Council notices follow.
CREATE TABLE holiday_year (
    holiday_year  INT           NOT NULL PRIMARY KEY,
    source        VARCHAR(400)  NOT NULL,
    note          VARCHAR(1000),
    loaded_by     VARCHAR(64)   NOT NULL,
    loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE holiday_notice (
    holiday_year     INT           NOT NULL REFERENCES holiday_year (holiday_year),
    seq              INT           NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    document_number  VARCHAR(64)   NOT NULL,
    issued_on        DATE          NOT NULL,
    PRIMARY KEY (holiday_year, seq)
);

-- Only the days a notice sets: official rest days (REST, weekends inside a holiday run included) and
-- make-up working days (WORK, 调休上班日). Every other day is a working day from Monday to Friday.
-- A day belongs to the notice of the year that set it (the 元旦 of 2019 sets 2018-12-29 .. 12-31).
CREATE TABLE calendar_day (
    cal_date      DATE          NOT NULL PRIMARY KEY,
    holiday_year  INT           NOT NULL REFERENCES holiday_year (holiday_year),
    kind          VARCHAR(16)   NOT NULL,
    holiday_name  VARCHAR(32)   NOT NULL,
    CONSTRAINT calendar_day_kind_ck CHECK (kind IN ('REST', 'WORK'))
);
CREATE INDEX calendar_day_year_idx ON calendar_day (holiday_year);

-- The statutory periods of the rule, one table (RULES.md "How periods are counted").
CREATE TABLE statutory_period (
    code           VARCHAR(40)   NOT NULL PRIMARY KEY,
    name_zh        VARCHAR(100)  NOT NULL,
    length         INT           NOT NULL,
    unit           VARCHAR(16)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    strictness     VARCHAR(16)   NOT NULL,
    public_window  BOOLEAN       NOT NULL,
    article        VARCHAR(100)  NOT NULL,
    counted_from   VARCHAR(400)  NOT NULL,
    CONSTRAINT statutory_period_unit_ck CHECK (unit IN ('CALENDAR_DAYS', 'WORKING_DAYS')),
    CONSTRAINT statutory_period_kind_ck CHECK (kind IN ('MINIMUM', 'DEADLINE', 'BEFORE_EVENT')),
    CONSTRAINT statutory_period_strictness_ck CHECK (strictness IN ('GENERAL', 'STRICT')),
    CONSTRAINT statutory_period_length_ck CHECK (length > 0)
);
