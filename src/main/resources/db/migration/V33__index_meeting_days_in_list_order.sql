-- The meetings by their days, in the order of a list (newest first: start day, end day, id), so
-- that a list filtered by days alone reads its page in order and counts its matches from this
-- index alone, without reading a meeting.
--
-- Since V23 a search bounds the start day on both sides (no later than `to`, no earlier than
-- `from` minus the longest meeting's span), and the overlap with `from` is now written as a plain
-- comparison of the end day (MeetingQuery), which the planner estimates well. Written as a range
-- overlap, served by V21's GiST index, a year of 100,000 meetings was estimated at 22 of its
-- 4,337: the planner took the GiST index and sorted all of them for a page of 20 (17 ms, 0.4 ms
-- in order from this index); and a count of five months read 1,895 meetings (8 ms, 0.4 ms here).
-- No statement uses V21's index or V3's (start day, id) any more; they only cost every write.
create index meetings_dates_idx on meetings (date_start desc, date_end desc, id desc);
drop index meetings_day_range_idx;
drop index meetings_date_idx;
