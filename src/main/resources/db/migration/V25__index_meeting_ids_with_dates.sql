-- A search by words (q) orders all its matches by relevance, then by date: the match's days are
-- read from this index alone, not from each matching meeting's row.
create index meetings_id_dates_idx on meetings (id) include (date_start, date_end);
