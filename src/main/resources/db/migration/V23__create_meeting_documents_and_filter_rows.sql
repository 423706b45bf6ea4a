-- Each meeting's response document, stored ready to serve: building it per request (participants,
-- areas, outcomes, sources, related meetings as JSON) cost ~0.2 ms of PostgreSQL CPU per meeting,
-- 20 per list page. The documents are kept current the way V20 keeps the search documents: by
-- statement-level triggers on every table whose data they show, which return early inside a bulk
-- import (diplomatic_contacts.bulk_import); the import then refreshes what it wrote once per chunk
-- with the refresh functions below.

-- The documents of the given meetings, built in one query (a function called per meeting costs
-- several times as much). Byte for byte the text the API served when it built the document per
-- request (MeetingReader): the same keys in the same order, the same orderings of the lists.
create function meeting_documents_of(ids bigint[]) returns table (meeting_id bigint, document text)
    language sql stable parallel safe
    begin atomic
        select m.id, json_build_object(
                 'id', m.id, 'kind', m.kind, 'title', m.title, 'summary', m.summary,
                 'date', m.date_text, 'dateStart', m.date_start, 'dateEnd', m.date_end,
                 'location', json_build_object('city', m.location_city, 'countryCode', m.location_country),
                 'participants', coalesce((
                     select json_agg(json_build_object(
                              'official', json_build_object('id', o.id, 'fullName', o.full_name),
                              'role', p.role, 'countryCode', p.country_code) order by p.list_index)
                     from meeting_participants p join officials o on o.id = p.official_id
                     where p.meeting_id = m.id), '[]'),
                 'cooperationAreas', coalesce((
                     select json_agg(json_build_object('code', a.code, 'name', a.name) order by a.code)
                     from meeting_cooperation_areas ma join cooperation_areas a on a.code = ma.area_code
                     where ma.meeting_id = m.id), '[]'),
                 'outcomes', coalesce((
                     select json_agg(json_build_object('type', oc.type, 'description', oc.description)
                                     order by oc.list_index)
                     from meeting_outcomes oc where oc.meeting_id = m.id), '[]'),
                 'sources', coalesce((
                     select json_agg(json_build_object('url', s.url, 'publisher', s.publisher,
                                     'publishedOn', s.published_on, 'note', s.note) order by s.list_index)
                     from meeting_sources s where s.meeting_id = m.id), '[]'),
                 'relatedMeetings', coalesce((
                     select json_agg(json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'date', r.date_text)
                                     order by r.date_start, r.id)
                     from meeting_relations mr join meetings r on r.id = mr.related_meeting_id
                     where mr.meeting_id = m.id), '[]')
               )::text
        from meetings m where m.id = any (ids);
    end;

create table meeting_documents (
    meeting_id bigint primary key references meetings (id) on delete cascade,
    document   text   not null
);

-- The filters' own rows. A search by country (or pair of countries) or by area would otherwise
-- test the rule for every meeting of a country, or walk the area tree per meeting, and then read
-- each match's meeting row for its days: at a million meetings, tens of thousands of rows per
-- request. These rows are derived from the meetings' own, refreshed with their documents, and
-- carry the meeting's days, so that a filtered page, its date order and its count are answered
-- from the indexes below.

-- Every ordered pair of the countries a meeting involves (CountryInvolvement's rule: a
-- participant represents the country, or the meeting is a VISIT to it), each country paired with
-- itself too, so that ?country=KZ alone is the pair (KZ, KZ).
create table meeting_country_pairs (
    meeting_id       bigint  not null references meetings (id) on delete cascade,
    country_code     char(2) not null,
    counterpart_code char(2) not null,
    date_start       date    not null,
    date_end         date    not null,
    primary key (meeting_id, country_code, counterpart_code)
);
-- newest first, and counting, from the index alone (from/to bound date_start, see meetings_span_idx)
create index meeting_country_pairs_date_idx
    on meeting_country_pairs (country_code, counterpart_code, date_start desc, date_end desc, meeting_id desc);

-- Every area a meeting is about, with all the areas above it: ?area=health finds telemedicine.
create table meeting_area_tree (
    meeting_id bigint      not null references meetings (id) on delete cascade,
    area_code  varchar(80) not null,
    date_start date        not null,
    date_end   date        not null,
    primary key (meeting_id, area_code)
);
create index meeting_area_tree_date_idx
    on meeting_area_tree (area_code, date_start desc, date_end desc, meeting_id desc);

-- The longest meeting, in days, at a glance. A meeting overlaps from/to only if it starts no later
-- than `to` and no earlier than `from` minus the longest span: two bounds on date_start, which the
-- date-ordered indexes above (and meetings_date_idx) turn into one short range, where the overlap
-- of day ranges alone could only be tested entry by entry.
create index meetings_span_idx on meetings ((date_end - date_start));

-- The filter rows of the given meetings, as they should be now.
create function meeting_country_pairs_of(ids bigint[])
    returns table (meeting_id bigint, country_code char(2), counterpart_code char(2), date_start date, date_end date)
    language sql stable
    begin atomic
        with involved (meeting_id, country_code) as (
            select p.meeting_id, p.country_code from meeting_participants p
            where p.meeting_id = any (ids) and p.country_code is not null
            union
            select m.id, m.location_country from meetings m
            where m.id = any (ids) and m.kind = 'VISIT' and m.location_country is not null)
        select a.meeting_id, a.country_code, b.country_code, m.date_start, m.date_end
        from involved a join involved b on b.meeting_id = a.meeting_id join meetings m on m.id = a.meeting_id;
    end;

create function meeting_area_tree_of(ids bigint[])
    returns table (meeting_id bigint, area_code varchar(80), date_start date, date_end date)
    language sql stable
    begin atomic
        with recursive tree (meeting_id, area_code) as (
            select ma.meeting_id, ma.area_code from meeting_cooperation_areas ma where ma.meeting_id = any (ids)
            union
            select tree.meeting_id, a.parent_code from tree join cooperation_areas a on a.code = tree.area_code
            where a.parent_code is not null)
        select tree.meeting_id, tree.area_code, m.date_start, m.date_end
        from tree join meetings m on m.id = tree.meeting_id;
    end;

create function refresh_meeting_filters(ids bigint[]) returns void
    language sql
    begin atomic
        delete from meeting_country_pairs where meeting_id = any (ids);
        delete from meeting_area_tree where meeting_id = any (ids);
        insert into meeting_country_pairs (meeting_id, country_code, counterpart_code, date_start, date_end)
        select * from meeting_country_pairs_of(ids);
        insert into meeting_area_tree (meeting_id, area_code, date_start, date_end)
        select * from meeting_area_tree_of(ids);
    end;

-- The documents and filter rows of those of the given meetings that still exist.
create function refresh_meeting_documents(ids bigint[]) returns void
    language plpgsql
    as $$
    begin
        -- Two transactions that change what one document shows (say, an official's name and the
        -- meeting's outcomes) would each build it from a snapshot without the other's change, and
        -- the later write would undo the earlier one. So the stored documents are locked first, in
        -- id order, and built by a statement of their own: its snapshot holds every change
        -- committed by whoever held the lock before.
        perform from meeting_documents where meeting_id in (select unnest(ids)) order by meeting_id for update;
        perform refresh_meeting_filters(ids);
        insert into meeting_documents (meeting_id, document)
        select fresh.meeting_id, fresh.document from meeting_documents_of(array(select distinct unnest(ids))) fresh
        on conflict (meeting_id) do update set document = excluded.document
            where meeting_documents.document is distinct from excluded.document;
    end
    $$;

-- A meeting's kind, title and date also appear in the documents of the meetings that list it as related.
create function refresh_changed_meeting_documents(ids bigint[]) returns void
    language sql
    begin atomic
        select refresh_meeting_documents(ids || array(
            select r.meeting_id from meeting_relations r where r.related_meeting_id in (select unnest(ids))));
    end;

-- An official's name appears in the documents of their meetings.
create function refresh_official_meeting_documents(official_ids bigint[]) returns void
    language sql
    begin atomic
        select refresh_meeting_documents(array(
            select p.meeting_id from meeting_participants p where p.official_id in (select unnest(official_ids))));
    end;

-- An area's name (and code) appears in the documents of the meetings carrying it; the area and
-- the areas above it are in the area trees of those meetings and of the meetings carrying any
-- area below it.
create function refresh_area_meeting_documents(area_codes text[]) returns void
    language sql
    begin atomic
        select refresh_meeting_documents(array(
            with recursive subtree (code) as (
                select unnest(area_codes)
                union
                select a.code from cooperation_areas a join subtree on a.parent_code = subtree.code)
            select distinct ma.meeting_id from meeting_cooperation_areas ma where ma.area_code in (select code from subtree)));
    end;

-- Trigger functions, one per kind of table, reading the transition tables of the event that fired.
create function meetings_changed_document() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        perform refresh_changed_meeting_documents(array(select id from changed_rows));
        return null;
    end
    $$;

-- Participants, areas, outcomes, sources and relations: the document of the meeting they belong to.
-- A meeting's delete cascades to the relations that name it, which brings the meetings listing it here.
--
-- An official renamed, or an area renamed or moved, while another transaction links a meeting to
-- it: neither would see the other's uncommitted change (a foreign key check does not wait for a
-- rename), so the rename would miss the meeting and the meeting be built with the old name or
-- parents. The officials and areas (with the areas above them) the new links point to are
-- share-locked first: the link waits for such a change to commit, and such a change waits for the
-- link, and whichever comes second builds with the other's change (each statement of these
-- functions reads with a fresh snapshot).
create function meeting_parts_changed_document() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        if tg_op <> 'DELETE' and tg_table_name = 'meeting_participants' then
            perform from officials where id in (select official_id from new_rows) order by id for share;
        elsif tg_op <> 'DELETE' and tg_table_name = 'meeting_cooperation_areas' then
            perform from cooperation_areas where code in (
                with recursive above (code) as (
                    select area_code from new_rows
                    union
                    select a.parent_code from cooperation_areas a join above on a.code = above.code
                    where a.parent_code is not null)
                select code from above) order by code for share;
        end if;
        if tg_op = 'INSERT' then
            perform refresh_meeting_documents(array(select meeting_id from new_rows));
        elsif tg_op = 'UPDATE' then
            perform refresh_meeting_documents(array(select meeting_id from new_rows union select meeting_id from old_rows));
        else
            perform refresh_meeting_documents(array(select meeting_id from old_rows));
        end if;
        return null;
    end
    $$;

-- Only a new name matters: an import bumps the version of officials in hundreds of meetings.
create function officials_changed_document() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        perform refresh_official_meeting_documents(array(
            select n.id from new_rows n join old_rows o on o.id = n.id where n.full_name is distinct from o.full_name));
        return null;
    end
    $$;

-- The areas whose code, name or parent changed, by old and new code: a changed code reaches
-- meeting_cooperation_areas by ON UPDATE CASCADE (whose own update trigger refreshes those
-- meetings as well), so the meetings carry either, depending on timing.
create function cooperation_areas_changed_document() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        perform refresh_area_meeting_documents(array(
            select code from new_rows union select code from old_rows
            except
            select n.code from new_rows n join old_rows o on o.code = n.code
            where n.name = o.name and n.parent_code is not distinct from o.parent_code));
        return null;
    end
    $$;

create trigger meetings_inserted_document after insert on meetings
    referencing new table as changed_rows for each statement execute function meetings_changed_document();
create trigger meetings_updated_document after update on meetings
    referencing new table as changed_rows for each statement execute function meetings_changed_document();

create trigger meeting_participants_inserted_document after insert on meeting_participants
    referencing new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_participants_updated_document after update on meeting_participants
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_participants_deleted_document after delete on meeting_participants
    referencing old table as old_rows for each statement execute function meeting_parts_changed_document();

create trigger meeting_cooperation_areas_inserted_document after insert on meeting_cooperation_areas
    referencing new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_cooperation_areas_updated_document after update on meeting_cooperation_areas
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_cooperation_areas_deleted_document after delete on meeting_cooperation_areas
    referencing old table as old_rows for each statement execute function meeting_parts_changed_document();

create trigger meeting_outcomes_inserted_document after insert on meeting_outcomes
    referencing new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_outcomes_updated_document after update on meeting_outcomes
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_outcomes_deleted_document after delete on meeting_outcomes
    referencing old table as old_rows for each statement execute function meeting_parts_changed_document();

create trigger meeting_sources_inserted_document after insert on meeting_sources
    referencing new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_sources_updated_document after update on meeting_sources
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_sources_deleted_document after delete on meeting_sources
    referencing old table as old_rows for each statement execute function meeting_parts_changed_document();

create trigger meeting_relations_inserted_document after insert on meeting_relations
    referencing new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_relations_updated_document after update on meeting_relations
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed_document();
create trigger meeting_relations_deleted_document after delete on meeting_relations
    referencing old table as old_rows for each statement execute function meeting_parts_changed_document();

create trigger officials_updated_document after update on officials
    referencing old table as old_rows new table as new_rows for each statement execute function officials_changed_document();

create trigger cooperation_areas_updated_document after update on cooperation_areas
    referencing old table as old_rows new table as new_rows for each statement execute function cooperation_areas_changed_document();

-- The documents of what is already there (the seed record).
select refresh_meeting_documents(array(select id from meetings));
