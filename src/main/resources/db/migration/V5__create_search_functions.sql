-- Case- and accent-insensitive matching: fold('Étienne') = fold('ETIENNE') = 'etienne'.
-- unaccent() itself is only STABLE (its dictionary could change); wrapping it with the
-- dictionary named makes an IMMUTABLE function that expression indexes may use.
create extension if not exists unaccent;

create function fold(value text) returns text
    language sql immutable parallel safe strict
    return lower(public.unaccent('public.unaccent'::regdictionary, value));
