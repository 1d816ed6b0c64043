-- File contents, once per SHA-256 (bytes in the database: committed or rolled back with the act).
CREATE TABLE material_content (
    sha256      CHAR(64)        NOT NULL PRIMARY KEY,
    size_bytes  BIGINT          NOT NULL,
    content     BYTEA           NOT NULL
);
