-- An official's meetings are read from their participations: with the meeting's id in the index
-- beside the official's, they are read from the index alone, not row by row from the table.
create index meeting_participants_official_meeting_idx on meeting_participants (official_id, meeting_id);
drop index meeting_participants_official_idx;
