-- Art. 4 and 51 by reference (Art. 64): the party committee a deciding organ reports to and whose approval its
-- catalogue needs, as its pages and messages name it: 县委 for the county government, 街道党工委 or 镇党委 for a
-- township. Existing organs keep 县委.
ALTER TABLE organ ADD COLUMN party_committee VARCHAR(40) DEFAULT '县委' NOT NULL;
