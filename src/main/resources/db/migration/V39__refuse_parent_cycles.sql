-- A chain of parents must end. The API refuses a parent that is the record itself or below it,
-- and the JSON import checks its document against the stored parents, but both check what is
-- committed: two writes moving two records under each other at the same time each pass, and
-- together they make a cycle, after which every walk up the chain would never end.
--
-- These triggers check again when the transaction commits (deferred: an import that reverses an
-- existing parent passes through a cycle between two of its statements), one transaction at a
-- time: each takes an advisory lock held to its end before it walks, so the second of two racing
-- writes walks what the first committed and is refused. `union` stops the walk on a cycle already
-- stored, should one have been written before this migration. The refusal has an SQLSTATE of its
-- own, DC001, which the service answers with 422: the change, not a race, is at fault (a retry
-- is refused by the service's own check).
--
-- One function for both tables; its arguments name the key column, the parent column and their type.
create function refuse_parent_cycle() returns trigger
language plpgsql as $$
declare
    key text := to_jsonb(new) ->> tg_argv[0];
    cycle boolean;
begin
    perform pg_advisory_xact_lock(hashtext(tg_table_name || '.' || tg_argv[1]));
    execute format($walk$
        with recursive up (key) as (
            select %2$I from %3$I where %1$I = cast($1 as %4$s)
            union
            select t.%2$I from %3$I t join up on t.%1$I = up.key)
        select exists (select from up where key = cast($1 as %4$s))$walk$,
        tg_argv[0], tg_argv[1], tg_table_name, tg_argv[2])
        into cycle using key;
    if cycle then
        raise exception '% % would be below itself', tg_table_name, key
            using errcode = 'DC001', constraint = tg_table_name || '_parent_chain';
    end if;
    return null;
end $$;

create constraint trigger cooperation_areas_parent_chain
    after update of parent_code on cooperation_areas
    deferrable initially deferred
    for each row when (new.parent_code is not null and new.parent_code is distinct from old.parent_code)
    execute function refuse_parent_cycle('code', 'parent_code', 'text');

create constraint trigger organizations_parent_chain
    after update of parent_id on organizations
    deferrable initially deferred
    for each row when (new.parent_id is not null and new.parent_id is distinct from old.parent_id)
    execute function refuse_parent_cycle('id', 'parent_id', 'bigint');
