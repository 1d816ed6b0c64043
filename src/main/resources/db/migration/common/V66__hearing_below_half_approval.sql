-- Art. 24: stakeholder representatives are generally at least half of a hearing's participants; a smaller share
-- needs the unit head's reason, and who approved it and when are kept for supervision (DECISIONS.md 12).
ALTER TABLE hearing ADD COLUMN below_half_approved_by VARCHAR(64);
ALTER TABLE hearing ADD COLUMN below_half_approved_at TIMESTAMP WITH TIME ZONE;
