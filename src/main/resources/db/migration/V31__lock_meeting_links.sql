-- The records a meeting links to, share-locked before the meeting is written.
--
-- V23's trigger share-locks the officials and areas of new participants and area links, so that
-- a concurrent rename or move waits for the link or the link for it. But it runs only once the
-- meeting row is written, and so after its document is locked (V23's refresh runs first for the
-- meeting row). A post change (V30) or a rename locks the official first and the documents of
-- the official's meetings second: an update naming that official took the same two locks the
-- other way round, and one of the two writes failed as a deadlock. An import, which switches
-- the triggers off, took no such lock at all, so a rename committed during an import could miss
-- the import's meetings. Writers call this first, while they hold nothing: officials in id
-- order, areas with every area above them in code order, as the trigger does.
create function lock_meeting_links(official_ids bigint[], area_codes text[]) returns void
    language plpgsql
    as $$
    begin
        perform from officials where id in (select unnest(official_ids)) order by id for share;
        perform from cooperation_areas where code in (
            with recursive above (code) as (
                select unnest(area_codes)
                union
                select a.parent_code from cooperation_areas a join above on a.code = above.code
                where a.parent_code is not null)
            select code from above) order by code for share;
    end
    $$;
