-- Audit details are stored whole (no truncation); the materials in force at the act, as a compact JSON
-- list [{"id":…,"versionId":…,"version":…,"sha256":…}] (null when the act names none). H2: CHARACTER VARYING
-- without a length (TEXT would be a CLOB here, STACK-NOTES).
ALTER TABLE audit_entry ALTER COLUMN detail SET DATA TYPE CHARACTER VARYING;
ALTER TABLE audit_entry ADD COLUMN materials CHARACTER VARYING;
