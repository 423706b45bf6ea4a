-- The LIKE patterns of a client's words (organizations by q, officials by position): each word
-- folded first, then its LIKE characters escaped. The patterns used to be escaped by the service
-- and folded here, and folding can make new LIKE characters: unaccent turns the fullwidth ％ and
-- ＿ into % and _ (wildcards then), ＼ into \ (an escape, a pattern ending in one is an error),
-- and ½ into " 1/2" (a space, which split the word in two).
create function like_patterns(words text) returns text[]
    language sql immutable parallel safe strict
    return (select coalesce(array_agg('%' || replace(replace(replace(word, '\', '\\'), '%', '\%'), '_', '\_') || '%'),
                            '{}')
            from regexp_split_to_table(fold(words), '\s+') as word
            where word <> '');
