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
     * known, and counted in that same pass.
     */
    IdPage find(OfficialSearch search, PageParams page) {
        SqlConditions conditions = new SqlConditions()
                .when(search.countryCode(), "country", "o.country_code = :country")
                .when(search.words(), "words", "os.words @@ (select search_query(:words))");
        addPositionHeld(conditions, search);
        boolean ranked = search.words() != null;
        String fromWhere = (ranked ? "from officials o join official_search os on os.official_id = o.id"
                : "from officials o") + " " + conditions.where();
        // With q, the best match first (the full name weighs more than an alias); else by name.
        String orderBy = ranked ? "ts_rank(os.words, (select search_query(:words))) desc, o.full_name, o.id"
                : "o.full_name, o.id";
        List<Row> rows = jdbc.sql("with page as materialized (select o.id,"
                        + " row_number() over (order by " + orderBy + ") as position"
                        + (ranked ? ", count(*) over () as matches " : " ") + fromWhere
                        + " order by " + orderBy + " " + page.limitAndOffset() + ")"
                        + " select page.id, "
                        + PageTotal.of(ranked ? "page.matches" : "(select count(*) " + fromWhere + ")", page)
                        + " as total"
                        + " from page order by page.position")
                .params(conditions.parameters())
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            long total = page.page() == 0 ? 0
                    : jdbc.sql("select count(*) " + fromWhere).params(conditions.parameters())
                            .query(Long.class).single();
            return new IdPage(List.of(), total);
        }
        return new IdPage(rows.stream().map(Row::id).toList(), rows.get(0).total());
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
            heldPost += " and fold(p.title) like all (string_to_array(fold(:position), ' '))";
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
