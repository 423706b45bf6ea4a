-- A chain of parents must end. The API refuses a parent that is the record itself or below it,
-- and the JSON import checks its document against the stored parents, but both check what is
-- committed: two writes moving two records under each other at the same time each pass, and
-- together they make a cycle, after which every walk up the chain would never end.
--
-- These triggers check again when the transaction commits (deferred: an import that reverses an
-- existing parent passes through a cycle between two of its statements), one transaction at a
-- time: each takes an advisory lock held to its end before it walks, so the second of two racing
-- writes walks what the first committed and is refused. `union` stops the walk on a cycle already
-- stored, should one have been written before this migration.
create function refuse_area_parent_cycle() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('cooperation_areas.parent_code'));
    if exists (with recursive up (code) as (
                   select parent_code from cooperation_areas where code = new.code
                   union
                   select a.parent_code from cooperation_areas a join up on a.code = up.code)
               select 1 from up where code = new.code) then
        raise exception 'cooperation area % would be below itself', new.code
            using errcode = 'check_violation', constraint = 'cooperation_areas_parent_chain';
    end if;
    return null;
end $$;

create constraint trigger cooperation_areas_parent_chain
    after update of parent_code on cooperation_areas
    deferrable initially deferred
    for each row when (new.parent_code is not null and new.parent_code is distinct from old.parent_code)
    execute function refuse_area_parent_cycle();

create function refuse_organization_parent_cycle() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('organizations.parent_id'));
    if exists (with recursive up (id) as (
                   select parent_id from organizations where id = new.id
                   union
                   select o.parent_id from organizations o join up on o.id = up.id)
               select 1 from up where id = new.id) then
        raise exception 'organization % would be below itself', new.id
            using errcode = 'check_violation', constraint = 'organizations_parent_chain';
    end if;
    return null;
end $$;

create constraint trigger organizations_parent_chain
    after update of parent_id on organizations
    deferrable initially deferred
    for each row when (new.parent_id is not null and new.parent_id is distinct from old.parent_id)
    execute function refuse_organization_parent_cycle();
