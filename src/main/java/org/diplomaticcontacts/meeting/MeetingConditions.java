package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import org.diplomaticcontacts.shared.SqlConditions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Translates {@code GET /meetings} filters into SQL over the meeting aliased {@code m}; {@code q}
 * is full-text search over the meeting's search document (title, summary, outcomes, participants'
 * names and aliases), kept current by the database.
 */
@Component
class MeetingConditions {

    /** A meeting's days as a range, the expression the GiST index of V21 holds. */
    private static final String DAYS = "daterange(m.date_start, m.date_end, '[]')";

    /**
     * A meeting involves a country when a participant represents it, or when it is a visit to
     * that country. The relations summary uses the same rule.
     */
    static String involves(String parameter) {
        return CountryInvolvement.condition(parameter);
    }

    /**
     * The tables a search reads: the meetings, and with {@code q} their search documents
     * ({@code ms}, see migration V20), which the condition and the relevance order use.
     */
    static String from(MeetingSearch search) {
        return "from meetings m" + joinSearchDocument(search);
    }

    static String joinSearchDocument(MeetingSearch search) {
        return search.words() == null ? "" : " join meeting_search ms on ms.meeting_id = m.id";
    }

    /** {@code from}, {@code to}: the meeting's days overlap theirs; a missing end is open. */
    private static void addDays(SqlConditions conditions, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null && to == null) {
            return;
        }
        conditions.condition(DAYS + " && daterange(" + (from == null ? "null" : "cast(:from as date)") + ", "
                + (to == null ? "null" : "cast(:to as date)") + ", '[]')");
        if (from != null) {
            conditions.parameter("from", from);
        }
        if (to != null) {
            conditions.parameter("to", to);
        }
    }

    SqlConditions of(MeetingSearch search) {
        SqlConditions conditions = new SqlConditions()
                .when(search.countryCode(), "country", involves("country"))
                .when(search.counterpartCode(), "counterpart", involves("counterpart"))
                .when(search.officialId(), "official",
                        "m.id in (select p.meeting_id from meeting_participants p where p.official_id = :official)")
                .when(search.organizationId(), "organization", """
                        exists (select 1 from meeting_participants p
                                join positions pos on pos.official_id = p.official_id
                                where p.meeting_id = m.id and pos.organization_id = :organization
                                  and (pos.start_date is null or pos.start_date <= m.date_end)
                                  and (pos.end_date is null or pos.end_date >= m.date_start))""")
                .when(search.areaCode(), "area", """
                        m.id in (select ma.meeting_id from meeting_cooperation_areas ma
                                 where ma.area_code = any (array(
                                   with recursive subtree(code) as (
                                     select cast(:area as varchar)
                                     union
                                     select a.code from cooperation_areas a join subtree on a.parent_code = subtree.code)
                                   select code from subtree)))""")
                .when(search.locationCode(), "location", "m.location_country = :location")
                .when(search.kind() == null ? null : search.kind().name(), "kind", "m.kind = :kind")
                .when(search.words(), "words", "ms.words @@ (select search_query(:words))");
        addDays(conditions, search.from(), search.to());
        return conditions;
    }
}
