-- A public form is taken once (portal.FormOnce): the token each portal form carries and a hash of what it carried,
-- with the receipt its submission was answered with. Written in the transaction of the record the submission created;
-- the same form sent again with the same content finds the row (or meets its key) and is answered with the first
-- receipt. Kept 30 days.
CREATE TABLE form_submission (
    token        VARCHAR(64)              NOT NULL,
    fingerprint  VARCHAR(64)              NOT NULL,
    form         VARCHAR(24)              NOT NULL,
    receipt      VARCHAR(32)              NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token, fingerprint)
);
CREATE INDEX form_submission_at_idx ON form_submission (submitted_at);
