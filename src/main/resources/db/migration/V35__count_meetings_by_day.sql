-- Every meeting counted by the day it starts and the day it ends, beside V32's months. A list by
-- days alone whose `from` or `to` cuts a month (MeetingTotal) summed the months before it and
-- then counted, in an index of the meetings, those starting or ending in the days of that month
-- up to the cut: a month's meetings (2,800 at a million), and a plan of its own on every request,
-- as PostgreSQL could not tell how many. Those days are now at most 31 counters on each side.
-- (Measured at a million meetings: a page whose window cuts months cost PostgreSQL 1.5 ms, three
-- times a page of whole months; README, Benchmark.)
create table meeting_days (
    day      date    primary key,
    starting integer not null,
    ending   integer not null
);

-- V32's count by month keeps its body under a name of its own. count_meeting_months, the name
-- V32's triggers and the imports' deferred count call, now counts the months and then the days,
-- so every write that counts a meeting's months counts its days in the same statement. Each in
-- order, as every writer does, so that two writers never wait for each other in opposite orders.
alter function count_meeting_months(date[], date[], integer[]) rename to count_meetings_by_month;

create function count_meetings_by_day(starts date[], ends date[], changes integer[]) returns void
    language sql
    begin atomic
        insert into meeting_days as counted (day, starting, ending)
        select day, sum(starting), sum(ending) from (
            select c.date_start as day, c.change as starting, 0 as ending
            from unnest(starts, ends, changes) c (date_start, date_end, change)
            union all
            select c.date_end, 0, c.change
            from unnest(starts, ends, changes) c (date_start, date_end, change)) d
        group by day
        having sum(starting) <> 0 or sum(ending) <> 0
        order by day
        on conflict (day) do update
            set starting = counted.starting + excluded.starting, ending = counted.ending + excluded.ending;
    end;

create function count_meeting_months(starts date[], ends date[], changes integer[]) returns void
    language sql
    begin atomic
        select count_meetings_by_month(starts, ends, changes);
        select count_meetings_by_day(starts, ends, changes);
    end;

create or replace function rebuild_meeting_months() returns void
    language sql
    begin atomic
        delete from meeting_months;
        delete from meeting_days;
        select count_meeting_months(array_agg(date_start), array_agg(date_end), array_agg(1)) from meetings;
    end;

-- V34's, emptying the day counters too.
create or replace function meetings_truncated() returns trigger
    language plpgsql
    as $$
    begin
        truncate meeting_months, meeting_days, country_pair_months, country_pair_areas, country_pair_officials,
                 area_months, organization_months;
        return null;
    end
    $$;

select rebuild_meeting_months();
