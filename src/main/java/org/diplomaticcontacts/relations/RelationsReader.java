package org.diplomaticcontacts.relations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a pair's figures in one statement from the counters of migration V24, which hold the
 * pair's meetings by month, by area (with the areas above each) and by official: a summary of
 * fifty thousand meetings reads as few rows as one of five. Only the first and last days come
 * from the pair's rows in {@code meeting_country_pairs}, at the ends of its date index. Areas are
 * counted under their top-level area. A pair is stored once, as (least code, greatest code).
 */
@Repository
class RelationsReader {

    /** At most this many officials are listed: the ones who met most. */
    static final int TOP_OFFICIALS = 10;

    private static final String FIGURES = """
            with months as materialized (
              select month, starting, ending from country_pair_months
              where {pair} and (starting > 0 or ending > 0)),
            last_month as materialized (
              select max(month) as month from months where ending > 0)
            select json_build_object(
              'meetingCount', (select coalesce(sum(starting), 0) from months),
              'firstDate', (select min(date_start) from meeting_country_pairs
                            where country_code = :country and counterpart_code = :counterpart),
              -- the last day is in the last month a meeting ends in; such a meeting started at most
              -- the longest meeting's span (V23's meetings_span_idx) before it
              'lastDate', (select max(r.date_end) from meeting_country_pairs r, last_month l
                           where r.country_code = :country and r.counterpart_code = :counterpart
                             and r.date_start <= (l.month + interval '1 month')::date
                             and r.date_start >= l.month - (select max(date_end - date_start) from meetings)),
              'byYear', coalesce((
                  select json_agg(json_build_object('year', y.year, 'count', y.count) order by y.year)
                  from (select extract(year from month)::int as year, sum(starting) as count
                        from months group by 1 having sum(starting) > 0) y), '[]'),
              'byArea', coalesce((
                  select json_agg(json_build_object('code', a.code, 'name', a.name, 'count', t.meetings)
                                  order by t.meetings desc, a.name)
                  from country_pair_areas t join cooperation_areas a on a.code = t.area_code
                  where {pair t} and a.parent_code is null and t.meetings > 0), '[]'),
              'officials', coalesce((
                  select json_agg(json_build_object('id', t.id, 'fullName', t.full_name,
                                  'countryCode', t.country_code, 'meetingCount', t.meetings)
                                  order by t.meetings desc, t.full_name, t.id)
                  from (select o.id, o.full_name, o.country_code, c.meetings
                        from country_pair_officials c join officials o on o.id = c.official_id
                        -- from the top of the index: as many as met at least as often as the
                        -- last one listed, ties broken by name below
                        where {pair c} and c.meetings >= greatest(1, coalesce((
                            select t.meetings from country_pair_officials t where {pair t}
                            order by t.meetings desc offset :top - 1 limit 1), 1))
                        order by c.meetings desc, o.full_name, o.id
                        limit :top) t), '[]')
            )::text"""
            .replace("{pair}", pairKey(""))
            .replace("{pair t}", pairKey("t."))
            .replace("{pair c}", pairKey("c."));

    /**
     * The pair's key in the counters, (least code, greatest code), on the columns of {@code alias};
     * the codes are bound as varchar, which the indexes on the char(2) keys take.
     */
    private static String pairKey(String alias) {
        return alias + "country_code = least(:country, :counterpart) and " + alias
                + "counterpart_code = greatest(:country, :counterpart)";
    }

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
