-- A bulk import writes a meeting's row, participants and outcomes in separate statements; with
-- the triggers of V20 each statement rebuilds the same search documents again. An import sets
-- diplomatic_contacts.bulk_import (for its own transaction only) and rebuilds the documents of
-- what it wrote once, itself, with refresh_official_search / refresh_meeting_search.
create or replace function meetings_changed() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        perform refresh_meeting_search(array(select id from changed_rows));
        return null;
    end
    $$;

create or replace function meeting_parts_changed() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        if tg_op = 'INSERT' then
            perform refresh_meeting_search(array(select meeting_id from new_rows));
        elsif tg_op = 'UPDATE' then
            perform refresh_meeting_search(array(select meeting_id from new_rows union select meeting_id from old_rows));
        else
            perform refresh_meeting_search(array(select meeting_id from old_rows));
        end if;
        return null;
    end
    $$;

create or replace function officials_changed() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        perform refresh_official_search(array(select id from changed_rows));
        return null;
    end
    $$;

create or replace function official_aliases_changed() returns trigger
    language plpgsql
    as $$
    begin
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            return null;
        end if;
        if tg_op = 'INSERT' then
            perform refresh_official_search(array(select official_id from new_rows));
        elsif tg_op = 'UPDATE' then
            perform refresh_official_search(array(select official_id from new_rows union select official_id from old_rows));
        else
            perform refresh_official_search(array(select official_id from old_rows));
        end if;
        return null;
    end
    $$;
