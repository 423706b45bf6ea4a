-- Every meeting counted by the month it starts and the month it ends, as V24 counts a country
-- pair's or an area's: the total of a list with no filter but days is then a few hundred counters
-- (and the days of a month that `from` or `to` cuts, from an index; MeetingTotal), not a count of
-- every meeting (31 ms at a million meetings, and growing with them).
create table meeting_months (
    month    date    primary key,
    starting integer not null,
    ending   integer not null
);

-- Adds each change (1 for a meeting counted in, -1 for one taken out) at the months of its days,
-- in month order, so that two writers lock the counters they share in the same order.
create function count_meeting_months(starts date[], ends date[], changes integer[]) returns void
    language sql
    begin atomic
        insert into meeting_months as counted (month, starting, ending)
        select month, sum(starting), sum(ending) from (
            select date_trunc('month', c.date_start::timestamp)::date as month, c.change as starting, 0 as ending
            from unnest(starts, ends, changes) c (date_start, date_end, change)
            union all
            select date_trunc('month', c.date_end::timestamp)::date, 0, c.change
            from unnest(starts, ends, changes) c (date_start, date_end, change)) d
        group by month
        having sum(starting) <> 0 or sum(ending) <> 0
        order by month
        on conflict (month) do update
            set starting = counted.starting + excluded.starting, ending = counted.ending + excluded.ending;
    end;

-- A bulk import (which switches V23's triggers off) counts its meetings once, at its end, in one
-- statement (count_imported_meeting_months): counted statement by statement, as it writes them,
-- it would lock the counters of its months in the order of its document, hold them to its end,
-- and deadlock with any other write locking two of them in month order. Until then each
-- statement's changes wait in a temporary table of the import's own transaction.
create function meetings_changed_months() returns trigger
    language plpgsql
    as $$
    declare
        changed record;
    begin
        if tg_op = 'INSERT' then
            select array_agg(date_start) as starts, array_agg(date_end) as ends, array_agg(1) as changes
            into changed from new_rows;
        elsif tg_op = 'UPDATE' then
            -- the meetings whose days changed, out with the old days and in with the new
            with moved as (
                select o.date_start as old_start, o.date_end as old_end, n.date_start, n.date_end
                from old_rows o join new_rows n using (id)
                where (o.date_start, o.date_end) <> (n.date_start, n.date_end)),
            changes as (
                select old_start as date_start, old_end as date_end, -1 as change from moved
                union all
                select date_start, date_end, 1 from moved)
            select array_agg(date_start) as starts, array_agg(date_end) as ends, array_agg(change) as changes
            into changed from changes;
        else
            select array_agg(date_start) as starts, array_agg(date_end) as ends, array_agg(-1) as changes
            into changed from old_rows;
        end if;
        if changed.starts is null then
            return null;
        end if;
        if current_setting('diplomatic_contacts.bulk_import', true) = 'on' then
            -- looked up first: "if not exists" would send the client a notice on every statement
            if to_regclass('pg_temp.imported_meeting_months') is null then
                create temporary table imported_meeting_months (
                    date_start date not null, date_end date not null, change integer not null) on commit drop;
            end if;
            insert into imported_meeting_months select * from unnest(changed.starts, changed.ends, changed.changes);
        else
            perform count_meeting_months(changed.starts, changed.ends, changed.changes);
        end if;
        return null;
    end
    $$;

create trigger meetings_inserted_months after insert on meetings
    referencing new table as new_rows for each statement execute function meetings_changed_months();
create trigger meetings_updated_months after update on meetings
    referencing old table as old_rows new table as new_rows for each statement execute function meetings_changed_months();
create trigger meetings_deleted_months after delete on meetings
    referencing old table as old_rows for each statement execute function meetings_changed_months();

-- What the current transaction's bulk import has written so far, counted (the importers call it
-- last, before they commit).
create function count_imported_meeting_months() returns void
    language plpgsql
    as $$
    begin
        if to_regclass('pg_temp.imported_meeting_months') is not null then
            perform count_meeting_months(array_agg(date_start), array_agg(date_end), array_agg(change))
            from imported_meeting_months;
            truncate imported_meeting_months;
        end if;
    end
    $$;

-- Counted afresh from the meetings (also after a load that bypassed the triggers, as the benchmark's).
create function rebuild_meeting_months() returns void
    language sql
    begin atomic
        delete from meeting_months;
        select count_meeting_months(array_agg(date_start), array_agg(date_end), array_agg(1)) from meetings;
    end;

select rebuild_meeting_months();
