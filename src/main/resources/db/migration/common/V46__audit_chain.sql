-- The audit trail proves itself (DECISIONS.md 26; Art. 60-63): every entry belongs to a chain (the decision's
-- number, a catalogue's key, or ORG for entries without a number), carries its sequence number in that chain,
-- the hash of the chain's previous entry and its own SHA-256 over a canonical form of its fields
-- (cn.juece.audit.AuditChainHash). Existing rows are chained once by V48 (a Java migration), which then
-- makes the columns NOT NULL and (chain_key, chain_seq) unique.
ALTER TABLE audit_entry ADD COLUMN chain_key VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash CHAR(64);
-- The group (candidate group, unit or role) the person acted for.
ALTER TABLE audit_entry ADD COLUMN acted_for VARCHAR(100);

-- One row per chain: its last sequence number and hash. Appends lock this row (serialising appends per
-- chain) and update it in the same transaction; verification compares it with the chain's last entry, so a
-- deleted last entry is found.
CREATE TABLE audit_chain_head (
    chain_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL,
    last_hash  CHAR(64)     NOT NULL
);
