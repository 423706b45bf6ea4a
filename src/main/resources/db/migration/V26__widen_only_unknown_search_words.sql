-- A query word that begins a known word is taken as typed (with its prefix matches); only a word
-- that begins none is widened to the known words within a small edit distance. 'schnieder' still
-- finds Schneider, but 'petrov' no longer finds every Petrova and Petrow as well: a surname typed
-- in full widened to its look-alikes matched four to seven times as many meetings in the
-- benchmark's data, each to be ranked, and mostly the wrong people.
create or replace function search_word_query(typed text) returns tsquery
    language sql stable parallel safe strict
    return (
        select tsquery_or_all(spelling) from (
            select (quote_literal(typed) || ':*')::tsquery as spelling
            union all
            select quote_literal(d.word)::tsquery from search_words d
            where length(typed) >= 5
              -- typed words hold only letters and digits (SearchWords), nothing LIKE would read as a wildcard
              and not exists (select from search_words known where known.word like typed || '%')
              and d.word % typed
              and levenshtein(d.word, typed) <= case when length(typed) >= 8 then 2 else 1 end) spellings);
