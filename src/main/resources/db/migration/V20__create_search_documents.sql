-- Full-text search for q on /meetings and /officials.
--
-- Each meeting and each official has a search document: a tsvector over fold()ed text, so that
-- case and accents never matter and every script (Latin, Cyrillic, …) is kept as written. The
-- 'simple' configuration is used on purpose: names must not be stemmed or dropped as stop words.
--   meetings:  weight A = title, participants' names and aliases; weight B = summary, outcomes
--   officials: weight A = full name; weight B = aliases
-- The documents live in side tables kept current by statement-level triggers on every table
-- whose text they hold, so that renaming an official or changing an alias updates the documents
-- of the meetings that mention them, and a bulk write refreshes its documents in one statement.
--
-- Small misspellings: every lexeme of every document also goes into search_words, a dictionary
-- with a trigram index (pg_trgm). A query word is widened to the dictionary words that are
-- trigram-similar and within a small edit distance (fuzzystrmatch's levenshtein), which is the
-- approach the pg_trgm documentation recommends; the widened query then uses the GIN index on
-- the documents like any other.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

create table meeting_search (
    meeting_id bigint   primary key references meetings (id) on delete cascade,
    words      tsvector not null
);
create index meeting_search_words_idx on meeting_search using gin (words);

create table official_search (
    official_id bigint   primary key references officials (id) on delete cascade,
    words       tsvector not null
);
create index official_search_words_idx on official_search using gin (words);

create table search_words (
    word text primary key
);
create index search_words_trigram_idx on search_words using gin (word gin_trgm_ops);

-- OR over a word's spellings, AND over the words of a query.
create aggregate tsquery_or_all(tsquery) (sfunc = tsquery_or, stype = tsquery);
create aggregate tsquery_and_all(tsquery) (sfunc = tsquery_and, stype = tsquery);

create function meeting_search_words(meeting bigint) returns tsvector
    language sql stable parallel safe
    return (
        select setweight(to_tsvector('simple', fold(concat_ws(' ', m.title,
                   (select string_agg(concat_ws(' ', o.full_name,
                                (select string_agg(a.alias, ' ') from official_aliases a where a.official_id = o.id)), ' ')
                    from meeting_participants p join officials o on o.id = p.official_id
                    where p.meeting_id = m.id)))), 'A')
               || setweight(to_tsvector('simple', fold(concat_ws(' ', m.summary,
                   (select string_agg(oc.description, ' ') from meeting_outcomes oc where oc.meeting_id = m.id)))), 'B')
        from meetings m where m.id = meeting);

create function official_search_words(official bigint) returns tsvector
    language sql stable parallel safe
    return (
        select setweight(to_tsvector('simple', fold(o.full_name)), 'A')
               || setweight(to_tsvector('simple', fold(coalesce(
                   (select string_agg(a.alias, ' ') from official_aliases a where a.official_id = o.id), ''))), 'B')
        from officials o where o.id = official);

create function remember_search_words(documents tsvector[]) returns void
    language sql
    begin atomic
        insert into search_words (word)
        select distinct u.lexeme from unnest(documents) as doc(words), unnest(doc.words) as u
        where length(lexeme) >= 3
        on conflict do nothing;
    end;

create function refresh_meeting_search(ids bigint[]) returns void
    language plpgsql
    as $$
    declare
        documents tsvector[];
    begin
        with fresh as (
            select m.id, meeting_search_words(m.id) as words
            from meetings m where m.id in (select distinct unnest(ids))),
        written as (
            insert into meeting_search (meeting_id, words)
            select id, words from fresh
            on conflict (meeting_id) do update set words = excluded.words
                where meeting_search.words is distinct from excluded.words
            returning words)
        select array_agg(words) into documents from written;
        perform remember_search_words(documents);
    end
    $$;

create function refresh_official_search(ids bigint[]) returns void
    language plpgsql
    as $$
    declare
        documents tsvector[];
    begin
        with fresh as (
            select o.id, official_search_words(o.id) as words
            from officials o where o.id in (select distinct unnest(ids))),
        written as (
            insert into official_search (official_id, words)
            select id, words from fresh
            on conflict (official_id) do update set words = excluded.words
                where official_search.words is distinct from excluded.words
            returning words)
        select array_agg(words) into documents from written;
        perform remember_search_words(documents);
        -- the meetings that name these officials
        perform refresh_meeting_search(array(
            select distinct p.meeting_id from meeting_participants p where p.official_id in (select unnest(ids))));
    end
    $$;

-- One folded query word: a prefix of a document word, or (from 5 letters on) a known word within
-- edit distance 1 (2 from 8 letters on): 'schnei' and 'schnieder' both find 'schneider'.
create function search_word_query(typed text) returns tsquery
    language sql stable parallel safe strict
    return (
        select tsquery_or_all(spelling) from (
            select (quote_literal(typed) || ':*')::tsquery as spelling
            union all
            select quote_literal(d.word)::tsquery from search_words d
            where length(typed) >= 5 and d.word % typed
              and levenshtein(d.word, typed) <= case when length(typed) >= 8 then 2 else 1 end) spellings);

-- A client's q (words separated by single spaces): every word must match.
create function search_query(q text) returns tsquery
    language sql stable parallel safe strict
    return (
        select tsquery_and_all(search_word_query(typed))
        from unnest(string_to_array(fold(q), ' ')) as typed where typed <> '');

-- Trigger functions: one per table, reading the transition tables of the event that fired.
-- A bulk import writes a meeting's row, participants and outcomes in separate statements, each of
-- which would rebuild the same documents again: it sets diplomatic_contacts.bulk_import for its own
-- transaction and rebuilds the documents of what it wrote once, with refresh_official_search /
-- refresh_meeting_search.
create function meetings_changed() returns trigger
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

create function meeting_parts_changed() returns trigger
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

create function officials_changed() returns trigger
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

create function official_aliases_changed() returns trigger
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

create trigger meetings_inserted_search after insert on meetings
    referencing new table as changed_rows for each statement execute function meetings_changed();
create trigger meetings_updated_search after update on meetings
    referencing new table as changed_rows for each statement execute function meetings_changed();

create trigger meeting_participants_inserted_search after insert on meeting_participants
    referencing new table as new_rows for each statement execute function meeting_parts_changed();
create trigger meeting_participants_updated_search after update on meeting_participants
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed();
create trigger meeting_participants_deleted_search after delete on meeting_participants
    referencing old table as old_rows for each statement execute function meeting_parts_changed();

create trigger meeting_outcomes_inserted_search after insert on meeting_outcomes
    referencing new table as new_rows for each statement execute function meeting_parts_changed();
create trigger meeting_outcomes_updated_search after update on meeting_outcomes
    referencing old table as old_rows new table as new_rows for each statement execute function meeting_parts_changed();
create trigger meeting_outcomes_deleted_search after delete on meeting_outcomes
    referencing old table as old_rows for each statement execute function meeting_parts_changed();

create trigger officials_inserted_search after insert on officials
    referencing new table as changed_rows for each statement execute function officials_changed();
create trigger officials_updated_search after update on officials
    referencing new table as changed_rows for each statement execute function officials_changed();

create trigger official_aliases_inserted_search after insert on official_aliases
    referencing new table as new_rows for each statement execute function official_aliases_changed();
create trigger official_aliases_updated_search after update on official_aliases
    referencing old table as old_rows new table as new_rows for each statement execute function official_aliases_changed();
create trigger official_aliases_deleted_search after delete on official_aliases
    referencing old table as old_rows for each statement execute function official_aliases_changed();

-- The documents of what is already there (the seed record).
select refresh_official_search(array(select id from officials));
select refresh_meeting_search(array(select id from meetings));
