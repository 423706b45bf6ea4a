-- Two costs of q at a million meetings, each a multiple of its matches (bench/results):
--
-- 1. Ranking read each match's day from the meetings as well as its search document: a
--    surname matching 3,000 meetings took 3,000 index lookups beside the 3,000 documents, more
--    than half of the statement. The search documents now carry the meeting's days.
--
-- 2. A word typed as a prefix ('sustainable':*) is a partial match for the GIN index, which
--    collects every posting of every word it begins before anything else is done: 630,000 for
--    a word of most summaries, even when the other word of the query is a surname of 3,000.
--    Exact words are intersected instead, skipping through the longer posting lists. So a typed
--    word now stands for the known words it begins, each exactly (search_words holds every word
--    of 3 letters or more of every document, written with it by refresh_meeting_search and
--    refresh_official_search), unless it begins more than 5 of them or is shorter than 3
--    letters; what it matches is unchanged. A prefix of many words stays one: matching it costs
--    the same either way, but ranking with each of its words is several times slower (a stem
--    beginning 26 surnames: 280 ms against 120 ms for 74,000 matches).

alter table meeting_search add column date_start date, add column date_end date;
update meeting_search s set date_start = m.date_start, date_end = m.date_end from meetings m where m.id = s.meeting_id;
alter table meeting_search alter column date_start set not null, alter column date_end set not null;

-- As V20's, with the days (a meeting's update refreshes its document, so they follow its dates).
create or replace function refresh_meeting_search(ids bigint[]) returns void
    language plpgsql
    as $$
    declare
        documents tsvector[];
    begin
        with fresh as (
            select m.id, meeting_search_words(m.id) as words, m.date_start, m.date_end
            from meetings m where m.id in (select distinct unnest(ids))),
        written as (
            insert into meeting_search (meeting_id, words, date_start, date_end)
            select id, words, date_start, date_end from fresh
            on conflict (meeting_id) do update
                set words = excluded.words, date_start = excluded.date_start, date_end = excluded.date_end
                where (meeting_search.words, meeting_search.date_start, meeting_search.date_end)
                      is distinct from (excluded.words, excluded.date_start, excluded.date_end)
            returning words)
        select array_agg(words) into documents from written;
        perform remember_search_words(documents);
    end
    $$;

-- Byte order, as tsquery compares a prefix with a lexeme: a prefix is a range of this index.
create index search_words_prefix_idx on search_words (word collate "C");

-- One folded query word: a prefix of a document word, or (from 5 letters on, when it begins no
-- known word) a known word within edit distance 1 (2 from 8 letters on), as V26 decided.
create or replace function search_word_query(typed text) returns tsquery
    language sql stable parallel safe strict
    return (
        with known as (
            select word from search_words
            where length(typed) >= 3
              -- every string that begins with typed, in byte order (chr(1114111) is the last code point)
              and word collate "C" >= typed and word collate "C" < typed || chr(1114111)
            limit 6)
        select case
            when (select count(*) from known) between 1 and 5
                then (select tsquery_or_all(quote_literal(word)::tsquery) from known)
            when (select count(*) from known) > 5 or length(typed) < 5
                then (quote_literal(typed) || ':*')::tsquery
            else (select tsquery_or_all(spelling) from (
                      select (quote_literal(typed) || ':*')::tsquery as spelling
                      union all
                      select quote_literal(d.word)::tsquery from search_words d
                      where d.word % typed
                        and levenshtein(d.word, typed) <= case when length(typed) >= 8 then 2 else 1 end) spellings)
        end);
