package org.diplomaticcontacts.relations;

import org.diplomaticcontacts.meeting.CountryInvolvement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a pair's figures in one statement: the pair's meetings are found once, in the
 * country pairs of migration V23, and PostgreSQL aggregates them into the JSON document of the
 * response. Areas are counted under their top-level area from the meetings' area trees.
 */
@Repository
class RelationsReader {

    /** At most this many officials are listed: the ones who met most. */
    static final int TOP_OFFICIALS = 10;

    private static final String FIGURES = """
            with pair as materialized (
              select meeting_id as id, date_start, date_end from (%s) involving_both)
            select json_build_object(
              'meetingCount', (select count(*) from pair),
              'firstDate', (select min(date_start) from pair),
              'lastDate', (select max(date_end) from pair),
              'byYear', coalesce((
                  select json_agg(json_build_object('year', y.year, 'count', y.count) order by y.year)
                  from (select extract(year from date_start)::int as year, count(*) as count
                        from pair group by 1) y), '[]'),
              'byArea', coalesce((
                  select json_agg(json_build_object('code', a.code, 'name', a.name, 'count', t.count)
                                  order by t.count desc, a.name)
                  from (select tree.area_code, count(*) as count
                        from pair join meeting_area_tree tree on tree.meeting_id = pair.id
                        group by tree.area_code) t
                  join cooperation_areas a on a.code = t.area_code
                  where a.parent_code is null), '[]'),
              'officials', coalesce((
                  select json_agg(json_build_object('id', t.id, 'fullName', t.full_name,
                                  'countryCode', t.country_code, 'meetingCount', t.count)
                                  order by t.count desc, t.full_name, t.id)
                  from (select o.id, o.full_name, o.country_code, count(*) as count
                        from pair
                        join meeting_participants p on p.meeting_id = pair.id
                        join officials o on o.id = p.official_id
                        group by o.id
                        order by count(*) desc, o.full_name, o.id
                        limit :top) t), '[]')
            )::text""".formatted(CountryInvolvement.meetingsInvolvingBoth("country", "counterpart"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RelationsReader(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    RelationsResponse.Figures figures(String countryCode, String counterpartCode) {
        String document = jdbc.sql(FIGURES)
                .param("country", countryCode)
                .param("counterpart", counterpartCode)
                .param("top", TOP_OFFICIALS)
                .query(String.class)
                .single();
        return json.readValue(document, RelationsResponse.Figures.class);
    }
}
