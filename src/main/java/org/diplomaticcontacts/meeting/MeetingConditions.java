package org.diplomaticcontacts.meeting;

import org.diplomaticcontacts.shared.SqlConditions;
import org.springframework.stereotype.Component;

/** Translates {@code GET /meetings} filters into SQL over the meeting aliased {@code m}. */
@Component
class MeetingConditions {

    /**
     * A meeting involves a country when a participant represents it, or when it is a visit to
     * that country. The relations summary uses the same rule.
     */
    static String involves(String parameter) {
        return """
                (exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.country_code = :%1$s)
                 or (m.kind = 'VISIT' and m.location_country = :%1$s))""".formatted(parameter);
    }

    SqlConditions of(MeetingSearch search) {
        return new SqlConditions()
                .when(search.countryCode(), "country", involves("country"))
                .when(search.counterpartCode(), "counterpart", involves("counterpart"))
                .when(search.officialId(), "official",
                        "exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.official_id = :official)")
                .when(search.organizationId(), "organization", """
                        exists (select 1 from meeting_participants p
                                join positions pos on pos.official_id = p.official_id
                                where p.meeting_id = m.id and pos.organization_id = :organization
                                  and (pos.start_date is null or pos.start_date <= m.date_end)
                                  and (pos.end_date is null or pos.end_date >= m.date_start))""")
                .when(search.areaCode(), "area", """
                        exists (select 1 from meeting_cooperation_areas ma
                                where ma.meeting_id = m.id and ma.area_code in (
                                  with recursive subtree(code) as (
                                    select cast(:area as varchar)
                                    union
                                    select a.code from cooperation_areas a join subtree on a.parent_code = subtree.code)
                                  select code from subtree))""")
                .when(search.locationCode(), "location", "m.location_country = :location")
                .when(search.kind() == null ? null : search.kind().name(), "kind", "m.kind = :kind")
                .when(search.from(), "from", "m.date_end >= :from")
                .when(search.to(), "to", "m.date_start <= :to")
                .when(search.words(), "words", """
                        fold(m.title || ' ' || coalesce(m.summary, '')
                             || ' ' || coalesce((select string_agg(oc.description, ' ') from meeting_outcomes oc
                                                 where oc.meeting_id = m.id), '')
                             || ' ' || coalesce((select string_agg(o.full_name || ' ' || coalesce(
                                                          (select string_agg(al.alias, ' ') from official_aliases al
                                                           where al.official_id = o.id), ''), ' ')
                                                 from meeting_participants p join officials o on o.id = p.official_id
                                                 where p.meeting_id = m.id), ''))
                          like all (string_to_array(fold(:words), ' '))""");
    }
}
