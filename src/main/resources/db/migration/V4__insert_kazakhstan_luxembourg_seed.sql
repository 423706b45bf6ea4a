-- The registry's first record: Kazinform's report that Kazakhstan's ambassador to Luxembourg,
-- Aigul Kuspan, met three Luxembourg officials on one day, citing the press service of
-- Kazakhstan's Ministry of Foreign Affairs
-- (https://en.inform.kz/news/kazakh-ambassador-holds-high-level-meetings-in-luxembourg_a3490676/).
--
-- Faithful to the text, nothing invented:
-- * Roles are the capacities the text gives each person, in its words.
-- * Positions carry a start date only where the text gives one (Etgen took office on
--   6 December 2018). "Newly appointed" and "new head" give no day, so those starts stay unknown.
-- * The meetings' day is unknown. The text says only "last week" before a publication whose
--   date it does not give, and "on the same day" for all three. So the meetings are stored as
--   the interval 2018-12-06/2019-03-21, never as one invented day:
--     - earliest 2018-12-06: Kuspan met Etgen as President of the Chamber of Deputies, an office
--       the text says he took on 6 December 2018, and the other two meetings were the same day;
--     - latest 2019-03-21: the end the project's specification gives for this record's interval.
--       The article's own publication day is not in the source text, so the source's
--       published_on stays empty rather than guessed.
-- * The earlier event the text refers to, Schneider's visit to Kazakhstan in 2017 to open
--   Luxembourg's pavilion at EXPO 2017, is a meeting of kind VISIT known to the year only.
-- * The meetings took place in Luxembourg (the article's headline: "… meetings in Luxembourg");
--   the city is not named, so it stays empty. EXPO 2017 was held in Astana.

do $$
declare
    chamber      bigint;
    council      bigint;
    pace         bigint;
    osce_pa      bigint;
    venice       bigint;
    kz_mfa       bigint;
    aifc         bigint;
    lftta        bigint;
    kuspan       bigint;
    etgen        bigint;
    graas        bigint;
    schneider    bigint;
    with_etgen   bigint;
    with_graas   bigint;
    with_schneider bigint;
    expo_visit   bigint;
    source_url   constant varchar := 'https://en.inform.kz/news/kazakh-ambassador-holds-high-level-meetings-in-luxembourg_a3490676/';
    source_note  constant varchar := 'Kazinform, citing the press service of the Ministry of Foreign Affairs of Kazakhstan; '
                                     || 'the article says the meetings took place "last week" and gives no day.';
begin
    insert into organizations (name, acronym, kind, country_code)
        values ('Chamber of Deputies of Luxembourg', null, 'PARLIAMENT', 'LU') returning id into chamber;
    insert into organizations (name, acronym, kind, country_code)
        values ('Council of Europe', 'CoE', 'INTERNATIONAL_ORGANIZATION', null) returning id into council;
    insert into organizations (name, acronym, kind, country_code, parent_id)
        values ('Parliamentary Assembly of the Council of Europe', 'PACE', 'PARLIAMENTARY_ASSEMBLY', null, council)
        returning id into pace;
    insert into organizations (name, acronym, kind, country_code)
        values ('OSCE Parliamentary Assembly', 'OSCE PA', 'PARLIAMENTARY_ASSEMBLY', null) returning id into osce_pa;
    insert into organizations (name, acronym, kind, country_code, parent_id)
        values ('Venice Commission of the Council of Europe', null, 'INTERNATIONAL_ORGANIZATION', null, council)
        returning id into venice;
    insert into organizations (name, acronym, kind, country_code)
        values ('Ministry of Foreign Affairs of Kazakhstan', 'MFA', 'MINISTRY', 'KZ') returning id into kz_mfa;
    insert into organizations (name, acronym, kind, country_code)
        values ('Astana International Financial Centre', 'AIFC', 'FINANCIAL_CENTRE', 'KZ') returning id into aifc;
    insert into organizations (name, acronym, kind, country_code)
        values ('Luxembourg Financial Technology Transfer Agency', null, 'AGENCY', 'LU') returning id into lftta;

    insert into officials (full_name, country_code) values ('Aigul Kuspan', 'KZ') returning id into kuspan;
    insert into official_aliases (official_id, alias) values (kuspan, 'Куспан Айгуль'), (kuspan, 'Kuspan Aigul');
    insert into positions (official_id, list_index, title, organization_id)
        values (kuspan, 0, 'Ambassador of Kazakhstan to the Grand Duchy of Luxembourg', kz_mfa);

    insert into officials (full_name, country_code) values ('Fernand Etgen', 'LU') returning id into etgen;
    insert into positions (official_id, list_index, title, organization_id, start_date)
        values (etgen, 0, 'President of the Chamber of Deputies', chamber, date '2018-12-06');

    insert into officials (full_name, country_code) values ('Gusty Graas', 'LU') returning id into graas;
    insert into positions (official_id, list_index, title, organization_id) values
        (graas, 0, 'Member of the Chamber of Deputies', chamber),
        (graas, 1, 'Head of the Luxembourg delegation to PACE', pace);

    insert into officials (full_name, country_code) values ('Étienne Schneider', 'LU') returning id into schneider;
    insert into official_aliases (official_id, alias) values (schneider, 'Etienne Schneider');
    insert into positions (official_id, list_index, title) values
        (schneider, 0, 'Deputy Prime Minister'),
        (schneider, 1, 'Minister of the Economy'),
        (schneider, 2, 'Minister of Health');

    insert into cooperation_areas (code, name, parent_code) values
        ('finance', 'Finance', null),
        ('space-industry', 'Space industry', null),
        ('health', 'Health', null),
        ('digital-technologies', 'Digital technologies', null),
        ('parliamentary-cooperation', 'Parliamentary cooperation', null),
        ('digitalisation-of-health-care', 'Digitalisation of health care', 'health'),
        ('telemedicine', 'Telemedicine', 'health'),
        ('financial-technology', 'Financial technology', 'finance');

    -- Kuspan and Etgen
    insert into meetings (kind, title, summary, date_text, date_start, date_end, location_country)
        values ('MEETING',
                'Ambassador Aigul Kuspan meets Fernand Etgen, President of the Chamber of Deputies',
                'The sides noted the high level of political dialogue between Kazakhstan and Luxembourg and '
                || 'emphasized the special role of parliamentary diplomacy in strengthening bilateral cooperation '
                || 'in such promising areas as finance, space industry, health and digital technologies.',
                '2018-12-06/2019-03-21', date '2018-12-06', date '2019-03-21', 'LU')
        returning id into with_etgen;
    insert into meeting_participants (meeting_id, list_index, official_id, role, country_code) values
        (with_etgen, 0, kuspan, 'Ambassador of Kazakhstan to the Grand Duchy of Luxembourg', 'KZ'),
        (with_etgen, 1, etgen, 'President of the Chamber of Deputies of Luxembourg', 'LU');
    insert into meeting_cooperation_areas (meeting_id, area_code) values
        (with_etgen, 'finance'), (with_etgen, 'space-industry'), (with_etgen, 'health'),
        (with_etgen, 'digital-technologies'), (with_etgen, 'parliamentary-cooperation');
    insert into meeting_outcomes (meeting_id, list_index, type, description) values
        (with_etgen, 0, 'AGREEMENT',
         'The counterparts agreed to develop inter-parliamentary ties, including through regular contacts between '
         || 'parliamentary friendship groups and delegations of the two countries in the Parliamentary Assembly of the '
         || 'Council of Europe (PACE) and the OSCE Parliamentary Assembly (OSCE PA).'),
        (with_etgen, 1, 'INVITATION',
         'The Ambassador of Kazakhstan invited Fernand Etgen, the Chairman of the Luxembourgish Parliament, to visit '
         || 'Kazakhstan. He welcomed the invitation and expressed his readiness to visit Kazakhstan "this year".');
    insert into meeting_sources (meeting_id, list_index, url, publisher, note)
        values (with_etgen, 0, source_url, 'Kazinform', source_note);

    -- Kuspan and Graas
    insert into meetings (kind, title, summary, date_text, date_start, date_end, location_country)
        values ('MEETING',
                'Ambassador Aigul Kuspan meets Gusty Graas, new Head of the Luxembourg delegation to PACE',
                'Kuspan noted the active participation of Kazakh parliamentarians in the PACE plenary sessions in '
                || 'Strasbourg. Graas was interested to learn about the fruitful cooperation of Kazakhstan within the '
                || 'Venice Commission of the Council of Europe and the work of Kazakhstan to accede to a number of '
                || 'European conventions.',
                '2018-12-06/2019-03-21', date '2018-12-06', date '2019-03-21', 'LU')
        returning id into with_graas;
    insert into meeting_participants (meeting_id, list_index, official_id, role, country_code) values
        (with_graas, 0, kuspan, 'Ambassador of Kazakhstan to the Grand Duchy of Luxembourg', 'KZ'),
        (with_graas, 1, graas, 'Head of the Luxembourg delegation to PACE, Member of the Chamber of Deputies of Luxembourg', 'LU');
    insert into meeting_cooperation_areas (meeting_id, area_code) values (with_graas, 'parliamentary-cooperation');
    insert into meeting_sources (meeting_id, list_index, url, publisher, note)
        values (with_graas, 0, source_url, 'Kazinform', source_note);

    -- Kuspan and Schneider, "on the same day"
    insert into meetings (kind, title, summary, date_text, date_start, date_end, location_country)
        values ('MEETING',
                'Ambassador Aigul Kuspan meets Étienne Schneider, Deputy Prime Minister of Luxembourg',
                'The interlocutors positively assessed the results of Schneider''s visit to Kazakhstan in 2017 to open '
                || 'the national pavilion of Luxembourg at EXPO 2017 and noted the successful cooperation between the '
                || '«Astana» International Financial Centre and the Luxembourg Financial Technology Transfer Agency. '
                || 'Schneider stressed the great potential of cooperation between Kazakhstan and Luxembourg, paying special '
                || 'attention to the space industry. Given his new capacity as Minister of Health, the Ambassador proposed '
                || 'to develop cooperation in the field of health, identifying the digitalisation of health care and '
                || 'telemedicine as interesting areas for Kazakhstan.',
                '2018-12-06/2019-03-21', date '2018-12-06', date '2019-03-21', 'LU')
        returning id into with_schneider;
    insert into meeting_participants (meeting_id, list_index, official_id, role, country_code) values
        (with_schneider, 0, kuspan, 'Ambassador of Kazakhstan to the Grand Duchy of Luxembourg', 'KZ'),
        (with_schneider, 1, schneider, 'Deputy Prime Minister, Minister of the Economy and Minister of Health of Luxembourg', 'LU');
    insert into meeting_cooperation_areas (meeting_id, area_code) values
        (with_schneider, 'space-industry'), (with_schneider, 'health'),
        (with_schneider, 'digitalisation-of-health-care'), (with_schneider, 'telemedicine'),
        (with_schneider, 'finance'), (with_schneider, 'financial-technology');
    insert into meeting_sources (meeting_id, list_index, url, publisher, note)
        values (with_schneider, 0, source_url, 'Kazinform', source_note);

    -- The earlier event the Schneider meeting refers to. The text gives the year and the
    -- purpose, not his role at the time, so the role stays empty.
    insert into meetings (kind, title, summary, date_text, date_start, date_end, location_city, location_country)
        values ('VISIT',
                'Étienne Schneider visits Kazakhstan to open the national pavilion of Luxembourg at EXPO 2017',
                'Schneider visited Kazakhstan in 2017 to open the national pavilion of Luxembourg at the International '
                || 'Specialized Exhibition EXPO 2017.',
                '2017', date '2017-01-01', date '2017-12-31', 'Astana', 'KZ')
        returning id into expo_visit;
    insert into meeting_participants (meeting_id, list_index, official_id, role, country_code)
        values (expo_visit, 0, schneider, null, 'LU');
    insert into meeting_sources (meeting_id, list_index, url, publisher, note)
        values (expo_visit, 0, source_url, 'Kazinform',
                'Mentioned in Kazinform''s report of the Kuspan–Schneider meeting, citing the press service of the '
                || 'Ministry of Foreign Affairs of Kazakhstan.');

    insert into meeting_relations (meeting_id, related_meeting_id)
        values (with_schneider, expo_visit), (expo_visit, with_schneider);
end
$$;
