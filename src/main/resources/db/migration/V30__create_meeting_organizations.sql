-- ?organization= finds the meetings where a participant held a post in the organization on the
-- meeting's days. Answered from the participants and their posts, a search joined every
-- participation of the organization's officials to the meetings, tested each post's dates and
-- sorted what matched before the first of a page was known: at a million meetings, 280 ms for an
-- organization of median size, 720 ms for the largest. These rows hold the answer with the
-- meeting's days, in date order, like V23's filter rows, and are refreshed with them; counters by
-- month (below) give the total.
create table meeting_organizations (
    meeting_id      bigint not null references meetings (id) on delete cascade,
    organization_id bigint not null references organizations (id) on delete cascade,
    date_start      date   not null,
    date_end        date   not null,
    primary key (meeting_id, organization_id)
);
create index meeting_organizations_date_idx
    on meeting_organizations (organization_id, date_start desc, date_end desc, meeting_id desc);

-- A post counts when its known days overlap the meeting's; an unknown end is open (V3). The ids
-- are joined, not tested with = any (ids): inside an import, the planner still sees the tables as
-- the import found them (empty, at first) and scanned all the participants, testing each against
-- every id: 4.6 s for a chunk of 2,000 meetings by the end of a 100k import, 40 ms joined.
create function meeting_organizations_of(ids bigint[])
    returns table (meeting_id bigint, organization_id bigint, date_start date, date_end date)
    language sql stable
    begin atomic
        select distinct p.meeting_id, pos.organization_id, m.date_start, m.date_end
        from unnest(ids) as asked (id)
        join meetings m on m.id = asked.id
        join meeting_participants p on p.meeting_id = m.id
        join positions pos on pos.official_id = p.official_id
        where pos.organization_id is not null
          and (pos.start_date is null or pos.start_date <= m.date_end)
          and (pos.end_date is null or pos.end_date >= m.date_start);
    end;

-- An organization's meetings starting and ending in each month, as V24 keeps them for pairs and
-- areas: the total of ?organization= (alone, over whole months) reads a few hundred counters where
-- counting its rows took 37 ms for the largest organization at a million meetings.
create table organization_months (
    organization_id bigint  not null,
    month           date    not null,
    starting        integer not null,
    ending          integer not null,
    primary key (organization_id, month)
);

-- V24's function, now with the organizations' counters.
create or replace function count_meeting_filters(ids bigint[], sign integer) returns void
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

        insert into organization_months as total (organization_id, month, starting, ending)
        select d.organization_id, d.month, sign * sum(d.starting), sign * sum(d.ending)
        from (select o.organization_id, date_trunc('month', o.date_start)::date as month, 1 as starting, 0 as ending
              from meeting_organizations o where o.meeting_id = any (ids)
              union all
              select o.organization_id, date_trunc('month', o.date_end)::date, 0, 1
              from meeting_organizations o where o.meeting_id = any (ids)) d
        group by 1, 2 order by 1, 2
        on conflict (organization_id, month) do update
            set starting = total.starting + excluded.starting, ending = total.ending + excluded.ending;
    end;

-- V24's function, now with the organizations' rows.
create or replace function refresh_meeting_filters(ids bigint[]) returns void
    language sql
    begin atomic
        select count_meeting_filters(ids, -1);
        delete from meeting_country_pairs where meeting_id = any (ids);
        delete from meeting_area_tree where meeting_id = any (ids);
        delete from meeting_officials where meeting_id = any (ids);
        delete from meeting_area_countries where meeting_id = any (ids);
        delete from meeting_organizations where meeting_id = any (ids);
        insert into meeting_country_pairs (meeting_id, country_code, counterpart_code, date_start, date_end)
        select * from meeting_country_pairs_of(ids);
        insert into meeting_area_tree (meeting_id, area_code, date_start, date_end)
        select * from meeting_area_tree_of(ids);
        insert into meeting_officials (meeting_id, official_id)
        select * from meeting_officials_of(ids);
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select * from meeting_area_countries_of(ids);
        insert into meeting_organizations (meeting_id, organization_id, date_start, date_end)
        select * from meeting_organizations_of(ids);
        select count_meeting_filters(ids, 1);
    end;

-- V24's function, now with the organizations' rows and counters.
create or replace function rebuild_meeting_filters() returns void
    language plpgsql
    as $$
    begin
        delete from meeting_country_pairs;
        delete from meeting_area_tree;
        delete from meeting_officials;
        delete from meeting_area_countries;
        delete from meeting_organizations;
        delete from organization_months;
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
        insert into meeting_organizations (meeting_id, organization_id, date_start, date_end)
        select * from meeting_organizations_of(array(select id from meetings));
        analyze meeting_country_pairs, meeting_area_tree, meeting_officials, meeting_organizations;
        -- from the rows just written, which hold what meeting_area_countries_of() would derive again
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select a.meeting_id, a.area_code, p.country_code, a.date_start, a.date_end
        from meeting_area_tree a
        join meeting_country_pairs p on p.meeting_id = a.meeting_id and p.counterpart_code = p.country_code;
        perform count_meeting_filters(array(select id from meetings), 1);
    end
    $$;

-- A post added, changed or removed: the filter rows of its holder's meetings (refreshed with their
-- documents, which lock them first: two refreshes of one meeting must not interleave).
--
-- A post added while another transaction makes its holder a participant: neither would see the
-- other's uncommitted row, and the meeting would miss the organization. A new participant
-- share-locks its official (V23); a changed post locks its holder against that here, so the
-- second of the two waits for the first to commit and builds the rows with its change.
create function positions_changed_filters() returns trigger
    language plpgsql
    as $$
    declare
        holders bigint[];
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        -- a post in no organization (most of history.state.gov's) finds no meeting by one
        if tg_op = 'INSERT' then
            holders := array(select official_id from new_rows where organization_id is not null);
        elsif tg_op = 'UPDATE' then
            holders := array(select official_id from new_rows where organization_id is not null
                             union
                             select official_id from old_rows where organization_id is not null);
        else
            holders := array(select official_id from old_rows where organization_id is not null);
        end if;
        if cardinality(holders) = 0 then
            return null;
        end if;
        perform from officials where id = any (holders) order by id for no key update;
        perform refresh_official_meeting_documents(holders);
        return null;
    end
    $$;

create trigger positions_inserted_filters after insert on positions
    referencing new table as new_rows for each statement execute function positions_changed_filters();
create trigger positions_updated_filters after update on positions
    referencing old table as old_rows new table as new_rows for each statement execute function positions_changed_filters();
create trigger positions_deleted_filters after delete on positions
    referencing old table as old_rows for each statement execute function positions_changed_filters();

insert into meeting_organizations (meeting_id, organization_id, date_start, date_end)
select * from meeting_organizations_of(array(select id from meetings));
-- counted afresh from those rows alone (count_meeting_filters would add every other count again),
-- in key order, as count_meeting_filters writes them: an organization's few hundred counters then
-- share a few pages, where written in hash order they were spread over as many pages as rows
-- (10 ms of a 1M page's 12 ms).
insert into organization_months (organization_id, month, starting, ending)
select organization_id, month, sum(starting), sum(ending)
from (select organization_id, date_trunc('month', date_start)::date as month, 1 as starting, 0 as ending
      from meeting_organizations
      union all
      select organization_id, date_trunc('month', date_end)::date, 0, 1 from meeting_organizations) d
group by 1, 2 order by 1, 2;
-- planned for the rows just written, not for the empty tables (as rebuild_meeting_filters does)
analyze meeting_organizations, organization_months;
