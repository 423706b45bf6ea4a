-- Officials are listed by name, alone or within a country: these indexes give a page in that
-- order, so that it is read, not sorted out of every official (100,000 at the benchmark's 1M).
-- The country's replaces the index on the country code alone, which it also serves.
create index officials_name_idx on officials (full_name, id);
create index officials_country_name_idx on officials (country_code, full_name, id);
drop index officials_country_idx;

-- An official's meetings are read from their participations: with the meeting's id in the index
-- beside the official's, they are read from the index alone, not row by row from the table.
create index meeting_participants_official_meeting_idx on meeting_participants (official_id, meeting_id);
drop index meeting_participants_official_idx;
