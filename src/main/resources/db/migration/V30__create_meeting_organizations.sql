-- ?organization= finds the meetings where a participant held a post in the organization on the
-- meeting's days. Answered from the participants and their posts, a search joined every
-- participation of the organization's officials to the meetings, tested each post's dates and
-- sorted what matched, before the first of a page was known: 100-800 ms at a million meetings,
-- growing with the organization. These rows hold the answer with the meeting's days, in date
-- order, like the filter rows of V23, refreshed with them.
create table meeting_organizations (
    meeting_id      bigint not null references meetings (id) on delete cascade,
    organization_id bigint not null references organizations (id) on delete cascade,
    date_start      date   not null,
    date_end        date   not null,
    primary key (meeting_id, organization_id)
);
create index meeting_organizations_date_idx
    on meeting_organizations (organization_id, date_start desc, date_end desc, meeting_id desc);

-- A post counts when its known days overlap the meeting's; an unknown end is open (V3).
create function meeting_organizations_of(ids bigint[])
    returns table (meeting_id bigint, organization_id bigint, date_start date, date_end date)
    language sql stable
    begin atomic
        select distinct p.meeting_id, pos.organization_id, m.date_start, m.date_end
        from meeting_participants p
        join meetings m on m.id = p.meeting_id
        join positions pos on pos.official_id = p.official_id
        where p.meeting_id = any (ids) and pos.organization_id is not null
          and (pos.start_date is null or pos.start_date <= m.date_end)
          and (pos.end_date is null or pos.end_date >= m.date_start);
    end;

-- V24's function, now with the organizations.
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

-- V24's function, now with the organizations.
create or replace function rebuild_meeting_filters() returns void
    language plpgsql
    as $$
    begin
        delete from meeting_country_pairs;
        delete from meeting_area_tree;
        delete from meeting_officials;
        delete from meeting_area_countries;
        delete from meeting_organizations;
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
        if tg_op = 'INSERT' then
            holders := array(select official_id from new_rows);
        elsif tg_op = 'UPDATE' then
            holders := array(select official_id from new_rows union select official_id from old_rows);
        else
            holders := array(select official_id from old_rows);
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
