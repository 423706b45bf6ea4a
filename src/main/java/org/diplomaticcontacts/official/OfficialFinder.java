package org.diplomaticcontacts.official;

import java.util.List;

import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageTotal;
import org.diplomaticcontacts.shared.SqlConditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the ids of one page of officials matching a search, and how many match in all. */
@Repository
class OfficialFinder {

    record IdPage(List<Long> ids, long total) {
    }

    private final JdbcClient jdbc;

    OfficialFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * By name, a page is read in the order of an index (V28) and only a full page has its
     * matches counted ({@link PageTotal}). With q, every match is ranked before the first is
     * known, and counted from that same pass.
     */
    IdPage find(OfficialSearch search, PageParams page) {
        SqlConditions conditions = new SqlConditions()
                .when(search.countryCode(), "country", "o.country_code = :country");
        addPositionHeld(conditions, search);
        boolean ranked = search.words() != null;
        if (ranked) {
            conditions.parameter("words", search.words());
        }
        List<Row> rows = jdbc.sql(ranked ? pageByRelevance(conditions, page) : pageByName(conditions, page))
                .params(conditions.parameters())
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            // an empty page says nothing about the total, unless it is the first one
            long total = page.page() == 0 ? 0
                    : jdbc.sql(ranked ? withMatches(conditions) + " select count(*) from matches"
                            : "select count(*) from officials o " + conditions.where())
                            .params(conditions.parameters())
                            .query(Long.class)
                            .single();
            return new IdPage(List.of(), total);
        }
        return new IdPage(rows.stream().map(Row::id).toList(), rows.get(0).total());
    }

    private static String pageByName(SqlConditions conditions, PageParams page) {
        String fromWhere = "from officials o " + conditions.where();
        return "select page.id, " + PageTotal.overRows("(select count(*) " + fromWhere + ")", page) + " as total"
                + " from (select o.id, o.full_name " + fromWhere + " order by o.full_name, o.id "
                + page.limitAndOffset() + ") page order by page.full_name, page.id";
    }

    /**
     * The best match first (the full name weighs more than an alias), then by name. The page is
     * the top of the matches (a bounded sort), their number the total. Ranking and counting in
     * window functions over a join of every official instead sorted every match and, planned for
     * the 500 matches PostgreSQL assumes of any full-text query, read all 100,000 officials to
     * join them: 8-18 ms a statement against 0.7-10 ms now, at 100,000 officials (bench/HISTORY.md).
     */
    private static String pageByRelevance(SqlConditions conditions, PageParams page) {
        String order = "rank desc, full_name, id";
        return withMatches(conditions)
                + " select page.id, (select count(*) from matches) as total"
                + " from (select * from matches order by " + order + " " + page.limitAndOffset() + ") page"
                + " order by " + order;
    }

    /**
     * The officials matching {@code :words} and {@code conditions}, with their rank: the search
     * documents first, from their index, then the matching officials by primary key.
     */
    private static String withMatches(SqlConditions conditions) {
        return "with words as materialized (select search_query(:words) as query),"
                + " found as materialized (select os.official_id as id,"
                + " ts_rank(os.words, (select query from words)) as rank"
                + " from official_search os where os.words @@ (select query from words)),"
                + " matches as materialized (select o.id, found.rank, o.full_name"
                + " from found join officials o on o.id = found.id " + conditions.where() + ")";
    }

    /**
     * {@code position} and {@code at} narrow the same post: a title held on that day. A start or
     * end the sources do not give counts as open: a post with an unknown start was held on any
     * day up to its end, one with an unknown end on any day from its start.
     */
    private static void addPositionHeld(SqlConditions conditions, OfficialSearch search) {
        if (search.positionWords() == null && search.at() == null) {
            return;
        }
        String heldPost = "select 1 from positions p where p.official_id = o.id";
        if (search.positionWords() != null) {
            heldPost += " and fold(p.title) like all (like_patterns(:position))";
            conditions.parameter("position", search.positionWords());
        }
        if (search.at() != null) {
            heldPost += " and (p.start_date is null or p.start_date <= :at)"
                    + " and (p.end_date is null or p.end_date >= :at)";
            conditions.parameter("at", search.at());
        }
        conditions.condition("exists (" + heldPost + ")");
    }

    private record Row(long id, long total) {
    }
}
