-- Several deciding organs in one installation (Art. 64): each organ's decision numbers may carry a prefix of their
-- own (config/organisation.yaml number-prefix); none means the organ's code. The counter stays per organ and year.
ALTER TABLE organ ADD COLUMN number_prefix VARCHAR(16);
