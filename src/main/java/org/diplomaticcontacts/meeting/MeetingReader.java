package org.diplomaticcontacts.meeting;

import java.util.List;
import java.util.Optional;

import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.SqlConditions;
import org.diplomaticcontacts.shared.Versioned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads meetings for clients with purpose-built SQL: PostgreSQL assembles each meeting's whole
 * document (participants, areas, outcomes, sources, related meetings) as JSON, so a page of
 * any size costs one statement, and one meeting costs one statement. Loading the JPA graph
 * instead would take a statement per collection; writes still go through the entities.
 */
@Repository
class MeetingReader {

    /** The response document of the meeting aliased {@code m}. */
    private static final String DOCUMENT = """
            json_build_object(
              'id', m.id, 'kind', m.kind, 'title', m.title, 'summary', m.summary,
              'date', m.date_text, 'dateStart', m.date_start, 'dateEnd', m.date_end,
              'location', json_build_object('city', m.location_city, 'countryCode', m.location_country),
              'participants', coalesce((
                  select json_agg(json_build_object(
                           'official', json_build_object('id', o.id, 'fullName', o.full_name),
                           'role', p.role, 'countryCode', p.country_code) order by p.list_index)
                  from meeting_participants p join officials o on o.id = p.official_id
                  where p.meeting_id = m.id), '[]'),
              'cooperationAreas', coalesce((
                  select json_agg(json_build_object('code', a.code, 'name', a.name) order by a.code)
                  from meeting_cooperation_areas ma join cooperation_areas a on a.code = ma.area_code
                  where ma.meeting_id = m.id), '[]'),
              'outcomes', coalesce((
                  select json_agg(json_build_object('type', oc.type, 'description', oc.description)
                                  order by oc.list_index)
                  from meeting_outcomes oc where oc.meeting_id = m.id), '[]'),
              'sources', coalesce((
                  select json_agg(json_build_object('url', s.url, 'publisher', s.publisher,
                                  'publishedOn', s.published_on, 'note', s.note) order by s.list_index)
                  from meeting_sources s where s.meeting_id = m.id), '[]'),
              'relatedMeetings', coalesce((
                  select json_agg(json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'date', r.date_text)
                                  order by r.date_start, r.id)
                  from meeting_relations mr join meetings r on r.id = mr.related_meeting_id
                  where mr.meeting_id = m.id), '[]')
            )::text""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MeetingConditions conditions;

    MeetingReader(JdbcClient jdbc, JsonMapper json, MeetingConditions conditions) {
        this.jdbc = jdbc;
        this.json = json;
        this.conditions = conditions;
    }

    /** A meeting's document and the version its ETag is made from. */
    Optional<Versioned<MeetingResponse>> findById(long id) {
        return jdbc.sql("select " + DOCUMENT + " as document, m.version from meetings m where m.id = :id")
                .param("id", id)
                .query((row, index) -> new Versioned<>(parse(row.getString("document")), row.getLong("version")))
                .optional();
    }

    PageResponse<MeetingResponse> find(MeetingSearch search, MeetingSort sort, PageParams page) {
        SqlConditions where = conditions.of(search);
        // The matches are gathered first, as a set: otherwise the planner, seeing LIMIT, walks the
        // whole table in date order to test each meeting, though counting the total needs every
        // match anyway. From the set, only the page's documents are built.
        String sql = """
                with matched as materialized (
                  select m.id
                  %4$s
                  %2$s),
                page as (
                  select m.id, count(*) over () as total, row_number() over (order by %1$s) as position
                  from matched join meetings m on m.id = matched.id%5$s
                  order by %1$s
                  limit :limit offset :offset)
                select page.total, %3$s as document
                from page join meetings m on m.id = page.id
                order by page.position
                """.formatted(sort.orderBy(), where.where(), DOCUMENT, MeetingConditions.from(search),
                MeetingConditions.joinSearchDocument(search));
        List<PageRow> rows = jdbc.sql(sql)
                .params(where.parameters())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((row, index) -> new PageRow(row.getLong("total"), parse(row.getString("document"))))
                .list();
        long total = rows.isEmpty() ? countBeyondLastPage(search, where, page) : rows.get(0).total();
        return PageResponse.of(rows.stream().map(PageRow::meeting).toList(), page, total);
    }

    /** An empty page says nothing about the total, unless it is the first one. */
    private long countBeyondLastPage(MeetingSearch search, SqlConditions where, PageParams page) {
        if (page.page() == 0) {
            return 0;
        }
        return jdbc.sql("select count(*) " + MeetingConditions.from(search) + " " + where.where())
                .params(where.parameters())
                .query(Long.class)
                .single();
    }

    private MeetingResponse parse(String document) {
        return json.readValue(document, MeetingResponse.class);
    }

    private record PageRow(long total, MeetingResponse meeting) {
    }
}
