-- Art. 52 by reference (Art. 64): whether a deciding organ publishes its decisions in a gazette of its own. The county
-- government does (冠县人民政府公报) and must give the issue; a township or sub-district has none and publishes on the
-- government website, new media, newspapers and its notice boards. Existing organs keep the requirement.
ALTER TABLE organ ADD COLUMN gazette BOOLEAN DEFAULT TRUE NOT NULL;
