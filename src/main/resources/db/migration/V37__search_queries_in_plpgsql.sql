-- search_query and search_word_query (V27) as PL/pgSQL, with the same results. As SQL functions
-- that PostgreSQL cannot inline (a WITH, an aggregate), their statements were planned anew on every
-- call: 0.56 ms to turn a two-word q into its query, the most of what a search by q costs PostgreSQL
-- when it matches a few officials. PL/pgSQL keeps each statement's plan for the session (the
-- pool's connections live long): 0.12 ms.
create or replace function search_word_query(typed text) returns tsquery
    language plpgsql stable parallel safe strict
    as $$
    declare
        -- up to 6 known words it begins, in byte order (chr(1114111) is the last code point)
        known text[];
    begin
        if length(typed) >= 3 then
            select array_agg(word) into known from (
                select word from search_words
                where word collate "C" >= typed and word collate "C" < typed || chr(1114111)
                limit 6) beginning;
        end if;
        -- cardinality is null when no known word begins with it
        if cardinality(known) between 1 and 5 then
            return (select tsquery_or_all(quote_literal(word)::tsquery) from unnest(known) word);
        end if;
        if cardinality(known) > 5 or length(typed) < 5 then
            return (quote_literal(typed) || ':*')::tsquery;
        end if;
        return (select tsquery_or_all(spelling) from (
                    select (quote_literal(typed) || ':*')::tsquery as spelling
                    union all
                    select quote_literal(d.word)::tsquery from search_words d
                    where d.word % typed
                      and levenshtein(d.word, typed) <= case when length(typed) >= 8 then 2 else 1 end) spellings);
    end
    $$;

create or replace function search_query(q text) returns tsquery
    language plpgsql stable parallel safe strict
    as $$
    begin
        return (select tsquery_and_all(search_word_query(typed))
                from unnest(string_to_array(fold(q), ' ')) as typed where typed <> '');
    end
    $$;
