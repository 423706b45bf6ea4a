-- Counts of the filter rows of V23, kept beside them, so that a total or a relations summary
-- reads a few hundred counters instead of every matching meeting: what they cost stays the same
-- however many meetings there are. And one more kind of filter row, for an area and a country.
--
-- Every count is of an unordered country pair, stored once as (least code, greatest code); one
-- country alone is the pair (c, c), as in meeting_country_pairs. refresh_meeting_filters takes a
-- meeting's counts out with its old filter rows and puts them back with the new ones, and a
-- meeting's counts are taken out before it is deleted, so the counters always equal a count of
-- the filter rows (MeetingDocumentsTest recounts them after every kind of write).

-- The officials of each meeting as the filter rows last saw them: the counts by official must be
-- taken out as they were put in, and meeting_participants has changed by then.
create table meeting_officials (
    meeting_id  bigint not null references meetings (id) on delete cascade,
    official_id bigint not null,
    primary key (meeting_id, official_id)
);

-- Each area of a meeting's area tree with each country it involves (the pairs (c, c)), with the
-- days: ?area=science&country=SE reads one index range in date order, where walking Sweden's
-- meetings and checking each for the area read hundreds of rows for a page of a rare area.
create table meeting_area_countries (
    meeting_id   bigint      not null references meetings (id) on delete cascade,
    area_code    varchar(80) not null,
    country_code char(2)     not null,
    date_start   date        not null,
    date_end     date        not null,
    primary key (meeting_id, area_code, country_code)
);
create index meeting_area_countries_date_idx
    on meeting_area_countries (area_code, country_code, date_start desc, date_end desc, meeting_id desc);

-- By month: a pair's or an area's meetings starting and ending in each month. The meetings that
-- overlap from/to are all of them but those ending before `from` and those starting after `to`,
-- which these give exactly when from is the first day of a month and to the last.
create table country_pair_months (
    country_code     char(2) not null,
    counterpart_code char(2) not null,
    month            date    not null,
    starting         integer not null,
    ending           integer not null,
    primary key (country_code, counterpart_code, month)
);

create table area_months (
    area_code varchar(80) not null,
    month     date        not null,
    starting  integer     not null,
    ending    integer     not null,
    primary key (area_code, month)
);

-- A pair's meetings by area (with the areas above it) and by official, for all time.
create table country_pair_areas (
    country_code     char(2)     not null,
    counterpart_code char(2)     not null,
    area_code        varchar(80) not null,
    meetings         integer     not null,
    primary key (country_code, counterpart_code, area_code)
);

create table country_pair_officials (
    country_code     char(2) not null,
    counterpart_code char(2) not null,
    official_id      bigint  not null,
    meetings         integer not null,
    primary key (country_code, counterpart_code, official_id)
);
-- the officials who met most, from the top
create index country_pair_officials_top_idx on country_pair_officials (country_code, counterpart_code, meetings desc);

create function meeting_officials_of(ids bigint[]) returns table (meeting_id bigint, official_id bigint)
    language sql stable
    begin atomic
        select distinct p.meeting_id, p.official_id from meeting_participants p where p.meeting_id = any (ids);
    end;

create function meeting_area_countries_of(ids bigint[])
    returns table (meeting_id bigint, area_code varchar(80), country_code char(2), date_start date, date_end date)
    language sql stable
    begin atomic
        select a.meeting_id, a.area_code, p.country_code, a.date_start, a.date_end
        from meeting_area_tree_of(ids) a
        join meeting_country_pairs_of(ids) p on p.meeting_id = a.meeting_id and p.counterpart_code = p.country_code;
    end;

-- Adds (sign 1) or takes out (sign -1) the counts of the given meetings' stored filter rows. Each
-- counter table is written in key order, so two writers wait for each other rather than deadlock.
create function count_meeting_filters(ids bigint[], sign integer) returns void
    language sql
    begin atomic
        insert into country_pair_months as total (country_code, counterpart_code, month, starting, ending)
        select d.country_code, d.counterpart_code, d.month, sign * sum(d.starting), sign * sum(d.ending)
        from (select p.country_code, p.counterpart_code, date_trunc('month', p.date_start)::date as month,
                     1 as starting, 0 as ending
              from meeting_country_pairs p where p.meeting_id = any (ids) and p.country_code <= p.counterpart_code
              union all
              select p.country_code, p.counterpart_code, date_trunc('month', p.date_end)::date, 0, 1
              from meeting_country_pairs p where p.meeting_id = any (ids) and p.country_code <= p.counterpart_code) d
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (country_code, counterpart_code, month) do update
            set starting = total.starting + excluded.starting, ending = total.ending + excluded.ending;

        insert into area_months as total (area_code, month, starting, ending)
        select d.area_code, d.month, sign * sum(d.starting), sign * sum(d.ending)
        from (select a.area_code, date_trunc('month', a.date_start)::date as month, 1 as starting, 0 as ending
              from meeting_area_tree a where a.meeting_id = any (ids)
              union all
              select a.area_code, date_trunc('month', a.date_end)::date, 0, 1
              from meeting_area_tree a where a.meeting_id = any (ids)) d
        group by 1, 2 order by 1, 2
        on conflict (area_code, month) do update
            set starting = total.starting + excluded.starting, ending = total.ending + excluded.ending;

        insert into country_pair_areas as total (country_code, counterpart_code, area_code, meetings)
        select p.country_code, p.counterpart_code, a.area_code, sign * count(*)
        from meeting_country_pairs p join meeting_area_tree a on a.meeting_id = p.meeting_id
        where p.meeting_id = any (ids) and p.country_code <= p.counterpart_code
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (country_code, counterpart_code, area_code) do update
            set meetings = total.meetings + excluded.meetings;

        insert into country_pair_officials as total (country_code, counterpart_code, official_id, meetings)
        select p.country_code, p.counterpart_code, o.official_id, sign * count(*)
        from meeting_country_pairs p join meeting_officials o on o.meeting_id = p.meeting_id
        where p.meeting_id = any (ids) and p.country_code <= p.counterpart_code
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (country_code, counterpart_code, official_id) do update
            set meetings = total.meetings + excluded.meetings;
    end;

-- V23's function, now with the meeting officials and the counts.
create or replace function refresh_meeting_filters(ids bigint[]) returns void
    language sql
    begin atomic
        select count_meeting_filters(ids, -1);
        delete from meeting_country_pairs where meeting_id = any (ids);
        delete from meeting_area_tree where meeting_id = any (ids);
        delete from meeting_officials where meeting_id = any (ids);
        delete from meeting_area_countries where meeting_id = any (ids);
        insert into meeting_country_pairs (meeting_id, country_code, counterpart_code, date_start, date_end)
        select * from meeting_country_pairs_of(ids);
        insert into meeting_area_tree (meeting_id, area_code, date_start, date_end)
        select * from meeting_area_tree_of(ids);
        insert into meeting_officials (meeting_id, official_id)
        select * from meeting_officials_of(ids);
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select * from meeting_area_countries_of(ids);
        select count_meeting_filters(ids, 1);
    end;

-- A deleted meeting's filter rows go by ON DELETE CASCADE, after its counts are taken out here
-- (not guarded by the bulk-import setting: no refresh would see the meeting again).
create function meetings_deleted_counts() returns trigger
    language plpgsql
    as $$
    begin
        perform count_meeting_filters(array[old.id], -1);
        return old;
    end
    $$;

create trigger meetings_deleted_counts before delete on meetings
    for each row execute function meetings_deleted_counts();

-- Every meeting's filter rows and counts built afresh, set-based (this migration, and the
-- benchmark's load, which writes the registry with triggers off). The filter rows are analyzed
-- before they are counted, so that the counting joins are planned for the millions of rows just
-- written, not for the near-empty tables the statistics still describe.
create function rebuild_meeting_filters() returns void
    language plpgsql
    as $$
    begin
        delete from meeting_country_pairs;
        delete from meeting_area_tree;
        delete from meeting_officials;
        delete from meeting_area_countries;
        delete from country_pair_months;
        delete from area_months;
        delete from country_pair_areas;
        delete from country_pair_officials;
        insert into meeting_country_pairs (meeting_id, country_code, counterpart_code, date_start, date_end)
        select * from meeting_country_pairs_of(array(select id from meetings));
        insert into meeting_area_tree (meeting_id, area_code, date_start, date_end)
        select * from meeting_area_tree_of(array(select id from meetings));
        insert into meeting_officials (meeting_id, official_id)
        select * from meeting_officials_of(array(select id from meetings));
        analyze meeting_country_pairs, meeting_area_tree, meeting_officials;
        -- from the rows just written, which hold what meeting_area_countries_of() would derive again
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select a.meeting_id, a.area_code, p.country_code, a.date_start, a.date_end
        from meeting_area_tree a
        join meeting_country_pairs p on p.meeting_id = a.meeting_id and p.counterpart_code = p.country_code;
        perform count_meeting_filters(array(select id from meetings), 1);
    end
    $$;

select rebuild_meeting_filters();
