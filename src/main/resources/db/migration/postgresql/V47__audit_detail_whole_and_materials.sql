-- Audit details are stored whole (no truncation); the materials in force at the act, as a compact JSON
-- list [{"id":…,"versionId":…,"version":…,"sha256":…}] (null when the act names none).
ALTER TABLE audit_entry ALTER COLUMN detail TYPE TEXT;
ALTER TABLE audit_entry ADD COLUMN materials TEXT;
