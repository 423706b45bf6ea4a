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
        same_lock record;
        area record;
    begin
        -- officials in runs of consecutive ids needing the same lock, each run in one statement
        -- (a re-import names 10,000 of them, all to change)
        for same_lock in
            with named as (
                select o.id, bool_or(n.changed) as changed
                from (select unnest(changed_officials) as id, true as changed
                      union all
                      select unnest(linked_officials), false) n
                join officials o on o.id = n.id
                group by o.id),
            runs as (
                select id, changed, count(*) filter (where starts) over (order by id) as run_number
                from (select id, changed, changed is distinct from lag(changed) over (order by id) as starts
                      from named) marked)
            select changed, array_agg(id) as ids from runs group by run_number, changed order by run_number
        loop
            if same_lock.changed then
                perform from officials where id = any (same_lock.ids) order by id for no key update;
            else
                perform from officials where id = any (same_lock.ids) order by id for share;
            end if;
        end loop;
        -- areas, a few, one by one
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
