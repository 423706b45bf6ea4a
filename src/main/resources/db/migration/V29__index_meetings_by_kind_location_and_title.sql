-- A search by kind or by the country it took place in, with no other filter to drive it, walked
-- every meeting in date order checking each, and counted its matches row by row: ?kind=CALL took
-- 110 ms at the benchmark's 1M, ?location=US 80 ms. With the date order inside each kind's and
-- each country's index range, a page is read in order and the total is counted from the index
-- alone. The location's replaces the index on the country code alone, which it also serves.
create index meetings_kind_date_idx on meetings (kind, date_start desc, date_end desc, id desc);
create index meetings_location_date_idx on meetings (location_country, date_start desc, date_end desc, id desc);
drop index meetings_location_idx;

-- ?sort=title sorted every meeting by title for its first page: 460 ms at 1M. Read in this
-- index's order instead, forwards or backwards.
create index meetings_title_idx on meetings (title, id);
