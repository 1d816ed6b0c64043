-- Art. 55, 57 (issue 14): the organ's decision to stop, modify or resume a decision in execution refers to the meeting
-- of the meetings register at which it was taken (held, the decision on its agenda, the executive head's decision
-- recorded, Art. 50). meeting_name and meeting_on keep being written from that meeting; rows recorded before this
-- column carry the meeting as it was typed, and meeting_id null.
ALTER TABLE juece.execution_decision ADD COLUMN meeting_id BIGINT;
ALTER TABLE juece.execution_decision ADD CONSTRAINT execution_decision_meeting_fk FOREIGN KEY (meeting_id)
    REFERENCES juece.gov_meeting (id);
-- What a meeting's agenda item is about: null, the draft for the collective decision (Art. 48-50); EXECUTION, the
-- decision in execution, to stop, modify or resume it (Art. 55, 57).
ALTER TABLE juece.gov_meeting_item ADD COLUMN topic VARCHAR(16);
