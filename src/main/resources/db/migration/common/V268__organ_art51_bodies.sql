-- Art. 51 by reference (Art. 64): the people's congress whose deliberation or report the article names for a deciding
-- organ (县人民代表大会 for the county government, a town's 镇人民代表大会, none for a sub-district) and the government
-- whose approval it names (市人民政府 for the county, 县人民政府 for a township). Existing organs keep the county's.
ALTER TABLE organ ADD COLUMN congress VARCHAR(40) DEFAULT '县人民代表大会';
ALTER TABLE organ ADD COLUMN superior_government VARCHAR(40) DEFAULT '市人民政府' NOT NULL;
