-- A file the public attaches to a comment (PDF, JPEG or PNG, size-limited): kept with the opinion, never
-- deleted, shown to staff only (Art. 28).
CREATE TABLE opinion_attachment (
    opinion_id   BIGINT          NOT NULL PRIMARY KEY REFERENCES opinion (id),
    file_name    VARCHAR(255)    NOT NULL,
    content_type VARCHAR(100)    NOT NULL,
    size_bytes   BIGINT          NOT NULL,
    sha256       CHAR(64)        NOT NULL,
    content      BYTEA           NOT NULL
);
