-- Former and historical states, so that records from before today's map can name the country
-- their sources name (a visit from the Soviet Union is from SU, not from Russia).
--
-- Rules:
-- * A state that ISO 3166-1 once listed and then deleted (ISO 3166-3) keeps its former alpha-2
--   and alpha-3 codes where they are unambiguous, with its four-letter ISO 3166-3 code:
--   SU Soviet Union (SUHH), DD German Democratic Republic (DDDE), YU Yugoslavia (YUCS),
--   CS Czechoslovakia (CSHH), AN Netherlands Antilles (ANHH).
-- * A state that was only renamed (Burma → Myanmar, Zaire → Congo - Kinshasa, Upper Volta →
--   Burkina Faso, Dahomey → Benin) is the same state and keeps its current code; it gets no row.
-- * A former alpha-2 code that ISO gave to two states is ambiguous: CS was Czechoslovakia
--   (1974–1993) and later Serbia and Montenegro (2003–2006). The older holder keeps it; the
--   other gets a code of its own under the next rule (its ISO 3166-3 code CSXX is kept).
-- * A historical state or territory without a usable ISO code gets a code from the ISO 3166-1
--   user-assigned range: alpha-2 X? and alpha-3 X?? (ISO promises never to assign these).
--   XH/XHI Kingdom of Hawaii (1795–1898), XS/XSM Serbia and Montenegro (2003–2006); and
--   XK/XKX Kosovo, the code the European Commission and others use for it (not former).
-- The 249 current ISO 3166-1 countries are untouched (former = false, user_assigned = false,
-- years unknown); GET /countries lists only them unless asked for all (?all=true).
alter table countries
    add column former        boolean not null default false,
    add column user_assigned boolean not null default false,
    add column iso3166_3     char(4) check (iso3166_3 ~ '^[A-Z]{4}$'),
    add column existed_from  integer,
    add column existed_until integer,
    add check (existed_from is null or existed_until is null or existed_from <= existed_until),
    add check (not former or existed_until is not null),
    add check (user_assigned = (code ~ '^X[A-Z]$'));

insert into countries (code, alpha3, name, former, user_assigned, iso3166_3, existed_from, existed_until) values
    ('SU', 'SUN', 'Soviet Union',                 true, false, 'SUHH', 1922, 1991),
    ('DD', 'DDR', 'German Democratic Republic',   true, false, 'DDDE', 1949, 1990),
    ('YU', 'YUG', 'Yugoslavia',                   true, false, 'YUCS', 1918, 2003),
    ('CS', 'CSK', 'Czechoslovakia',               true, false, 'CSHH', 1918, 1992),
    ('AN', 'ANT', 'Netherlands Antilles',         true, false, 'ANHH', 1954, 2010),
    ('XS', 'XSM', 'Serbia and Montenegro',        true, true, 'CSXX', 2003, 2006),
    ('XH', 'XHI', 'Kingdom of Hawaii',            true, true, null,   1795, 1898),
    ('XK', 'XKX', 'Kosovo',                       false, true, null,  2008, null);
