-- The registry records a JSON import may change, locked for that before it reads them, with the
-- ones its meetings only link to.
--
-- A JSON import share-locked the officials and areas its meetings link to (V31), then updated
-- those its document changes. Two imports naming the same official each held a share lock and
-- then waited for the other's to update it: a deadlock, and one of them failed with 409. One pass
-- in id order (then code order for areas, as lock_meeting_links), each record locked as strongly
-- as the import needs it (for no key update where it may change it, for share where it only
-- links to it), makes the second import wait for the first at its start, then read what the
-- first wrote. Linked records stay share-locked, so meetings written through the API that link
-- them do not wait for the import.
create function lock_import_records(changed_officials bigint[], linked_officials bigint[],
                                    changed_areas text[], linked_areas text[]) returns void
    language plpgsql
    as $$
    declare
        official record;
        area record;
    begin
        for official in
            select id, id = any (changed_officials) as changed from officials
            where id = any (changed_officials) or id = any (linked_officials)
            order by id
        loop
            if official.changed then
                perform from officials where id = official.id for no key update;
            else
                perform from officials where id = official.id for share;
            end if;
        end loop;
        for area in
            with recursive above (code) as (
                select unnest(linked_areas || changed_areas)
                union
                select a.parent_code from cooperation_areas a join above on a.code = above.code
                where a.parent_code is not null)
            select code, code = any (changed_areas) as changed from cooperation_areas
            where code in (select code from above)
            order by code
        loop
            if area.changed then
                perform from cooperation_areas where code = area.code for no key update;
            else
                perform from cooperation_areas where code = area.code for share;
            end if;
        end loop;
    end
    $$;
