-- Issue 17: the meeting list is paged, the latest day first, per organ (MeetingRecords.page).
CREATE INDEX gov_meeting_organ_date_idx ON gov_meeting (organ_code, meeting_date DESC, id DESC);
