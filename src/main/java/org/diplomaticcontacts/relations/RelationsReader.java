package org.diplomaticcontacts.relations;

import org.diplomaticcontacts.meeting.CountryInvolvement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a pair's figures in one statement: the pair's meeting ids are found once from the
 * per-country indexes, and PostgreSQL aggregates them into the JSON document of the response.
 */
@Repository
class RelationsReader {

    /** At most this many officials are listed: the ones who met most. */
    static final int TOP_OFFICIALS = 10;

    private static final String FIGURES = """
            with recursive pair as materialized (
              select m.id, m.date_start, m.date_end from meetings m
              where m.id in (%s)),
            top_level(code, root) as (
              select a.code, a.code from cooperation_areas a where a.parent_code is null
              union all
              select a.code, top_level.root from cooperation_areas a join top_level on a.parent_code = top_level.code)
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
                  from (select top_level.root, count(distinct pair.id) as count
                        from pair
                        join meeting_cooperation_areas ma on ma.meeting_id = pair.id
                        join top_level on top_level.code = ma.area_code
                        group by top_level.root) t
                  join cooperation_areas a on a.code = t.root), '[]'),
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
            )::text""".formatted(CountryInvolvement.meetingIdsInvolvingBoth("country", "counterpart"));

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
