-- Art. 4 and 64: whether a deciding organ compiles an annual catalogue of major decisions. Art. 4 asks it of the county
-- government; a township, sub-district or county department following the procedure by reference keeps one only where
-- it is set up to (RULES.md, Scope). Existing organs keep theirs.
ALTER TABLE organ ADD COLUMN keeps_catalogue BOOLEAN DEFAULT TRUE NOT NULL;
