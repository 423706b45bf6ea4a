-- from/to select the meetings whose day range overlaps theirs. Two b-tree indexes (date_start,
-- date_end) each bound only one side, so a one-year window still read half the table; a GiST
-- index on the range itself finds the overlapping meetings directly.
create index meetings_day_range_idx on meetings using gist (daterange(date_start, date_end, '[]'));
