-- An official's meetings, newest first, were read from their participations: each joined to its
-- meeting for the days, all of them sorted before the first of a page was known. At a million
-- meetings that made the page of an official the slowest of the filtered lists (0.41x a meeting by
-- id, where a country pair's reached 0.52x). V24's meeting_officials (one row per meeting and
-- official) now carry the meeting's days, like V23's filter rows, with an index in list order, so
-- that a page is one index range and its total an index-only count.
alter table meeting_officials add column date_start date, add column date_end date;
update meeting_officials o set date_start = m.date_start, date_end = m.date_end
from meetings m where m.id = o.meeting_id;
alter table meeting_officials alter column date_start set not null, alter column date_end set not null;
create index meeting_officials_date_idx
    on meeting_officials (official_id, date_start desc, date_end desc, meeting_id desc);

-- The row type changes, so the function is made anew; V30's refresh, which calls it, first.
drop function refresh_meeting_filters(bigint[]);
drop function meeting_officials_of(bigint[]);

-- The ids are joined, not tested with = any (ids), for the reason V30 gives for the organizations.
create function meeting_officials_of(ids bigint[])
    returns table (meeting_id bigint, official_id bigint, date_start date, date_end date)
    language sql stable
    begin atomic
        select distinct p.meeting_id, p.official_id, m.date_start, m.date_end
        from unnest(ids) as asked (id)
        join meetings m on m.id = asked.id
        join meeting_participants p on p.meeting_id = m.id;
    end;

-- The filter rows of the given meetings as derived now, written once here for both the refresh of
-- a few meetings and the rebuild of all of them (which derives the area-country rows apart).
create function insert_meeting_filter_rows(ids bigint[]) returns void
    language sql
    begin atomic
        insert into meeting_country_pairs (meeting_id, country_code, counterpart_code, date_start, date_end)
        select * from meeting_country_pairs_of(ids);
        insert into meeting_area_tree (meeting_id, area_code, date_start, date_end)
        select * from meeting_area_tree_of(ids);
        insert into meeting_officials (meeting_id, official_id, date_start, date_end)
        select * from meeting_officials_of(ids);
        insert into meeting_organizations (meeting_id, organization_id, date_start, date_end)
        select * from meeting_organizations_of(ids);
    end;

-- V30's function, with the officials' days.
create function refresh_meeting_filters(ids bigint[]) returns void
    language sql
    begin atomic
        select count_meeting_filters(ids, -1);
        delete from meeting_country_pairs where meeting_id = any (ids);
        delete from meeting_area_tree where meeting_id = any (ids);
        delete from meeting_officials where meeting_id = any (ids);
        delete from meeting_area_countries where meeting_id = any (ids);
        delete from meeting_organizations where meeting_id = any (ids);
        select insert_meeting_filter_rows(ids);
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select * from meeting_area_countries_of(ids);
        select count_meeting_filters(ids, 1);
    end;

-- V30's function, with the officials' days.
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
        perform insert_meeting_filter_rows(array(select id from meetings));
        analyze meeting_country_pairs, meeting_area_tree, meeting_officials, meeting_organizations;
        -- from the rows just written, which hold what meeting_area_countries_of() would derive again
        insert into meeting_area_countries (meeting_id, area_code, country_code, date_start, date_end)
        select a.meeting_id, a.area_code, p.country_code, a.date_start, a.date_end
        from meeting_area_tree a
        join meeting_country_pairs p on p.meeting_id = a.meeting_id and p.counterpart_code = p.country_code;
        perform count_meeting_filters(array(select id from meetings), 1);
    end
    $$;
