package org.diplomaticcontacts.meeting;

import java.util.List;
import java.util.Optional;

import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.PageTotal;
import org.diplomaticcontacts.shared.Versioned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads meetings for clients with purpose-built SQL. Each meeting's whole document
 * (participants, areas, outcomes, sources, related meetings) is kept as JSON text by PostgreSQL
 * itself (migration V23), current after every write, so a page of any size costs one statement,
 * one meeting costs one primary-key lookup, and the text is served without being parsed.
 * Loading the JPA graph instead would take a statement per collection; writes still go through
 * the entities.
 */
@Repository
class MeetingReader {

    private final JdbcClient jdbc;

    MeetingReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A meeting's document and the version its ETag is made from. */
    Optional<Versioned<MeetingDocument>> findById(long id) {
        return jdbc.sql("""
                select m.version, d.document
                from meetings m join meeting_documents d on d.meeting_id = m.id
                where m.id = :id""")
                .param("id", id)
                .query((row, index) -> new Versioned<>(new MeetingDocument(id, row.getBytes("document")),
                        row.getLong("version")))
                .optional();
    }

    /**
     * A page of matches and their total, in one statement. The page is read in the order asked
     * for, which an index of the search's driving table often gives directly, and only its own
     * documents are read. When that order can't come from an index
     * ({@link MeetingQuery#pageReadsEveryMatch}), every match is read once and both counted and
     * ordered from there. Otherwise only a full page has its matches counted ({@link PageTotal}):
     * from V24's counters when they keep the search's filters ({@link MeetingTotal}), otherwise
     * over the same rows, from the same indexes.
     */
    PageResponse<MeetingDocument> find(MeetingSearch search, MeetingSort sort, PageParams page) {
        MeetingQuery query = MeetingQuery.of(search);
        String sql = query.pageReadsEveryMatch(sort)
                ? pageOfEveryMatch(query, sort, page)
                : pageInOrder(query, sort, page);
        List<PageRow> rows = jdbc.sql(sql)
                .params(query.conditions().parameters())
                .query((row, index) -> new PageRow(row.getLong("total"),
                        new MeetingDocument(row.getLong("id"), row.getBytes("document"))))
                .list();
        long total = rows.isEmpty() ? countBeyondLastPage(query, page) : rows.get(0).total();
        return PageResponse.of(rows.stream().map(PageRow::meeting).toList(), page, total);
    }

    /**
     * The page's ids with the values its order compares, then their documents; the page's own
     * rows tell its size. Numbering the ids in a materialized common table expression instead, to
     * order and count them from there, cost PostgreSQL 0.05-0.07 ms more of a pair's 0.4 ms page
     * (pgbench, at 1M).
     */
    // concatenated, not String.formatted, which parses its pattern on every call and showed in profiles
    private static String pageInOrder(MeetingQuery query, MeetingSort sort, PageParams page) {
        return query.with() + documentsOfPage("(select " + query.id() + " as id, " + query.keyColumns(sort)
                + " " + query.from(sort.needsMeetingRow())
                + " " + query.where()
                + " order by " + query.orderBy(sort)
                + " " + page.limitAndOffset() + ")", sort, PageTotal.overRows(query.total(), page));
    }

    /**
     * Every match is read once, with the values its order compares, and the page is the top of
     * them (a bounded sort) while the total is their number. Numbering all of them in order with
     * window functions instead sorted every match, spilling to disk beyond a few tens of
     * thousands (74,583 matches of a prefix at 1M: 375-465 ms against 305-350 ms now). Reading
     * the matches costs the same either way, and is most of the time.
     */
    private static String pageOfEveryMatch(MeetingQuery query, MeetingSort sort, PageParams page) {
        return query.with("matches as materialized (select " + query.id() + " as id, " + query.keyColumns(sort)
                + " " + query.from(sort.needsMeetingRow())
                + " " + query.where() + ")")
                + documentsOfPage("(select * from matches order by " + sort.orderByKeyColumns()
                        + " " + page.limitAndOffset() + ")", sort, "(select count(*) from matches)");
    }

    /**
     * The statement's last part: the documents of the page's ids, which {@code page} selects as
     * {@code id} with the key columns of {@code sort}, ordered by those keys, with {@code total}.
     */
    private static String documentsOfPage(String page, MeetingSort sort, String total) {
        return " select page.id, d.document, " + total + " as total"
                + " from " + page + " page join meeting_documents d on d.meeting_id = page.id"
                + " order by " + sort.orderByKeyColumns();
    }

    /** An empty page says nothing about the total, unless it is the first one. */
    private long countBeyondLastPage(MeetingQuery query, PageParams page) {
        if (page.page() == 0) {
            return 0;
        }
        return jdbc.sql(query.with() + " select " + query.total())
                .params(query.conditions().parameters())
                .query(Long.class)
                .single();
    }

    private record PageRow(long total, MeetingDocument meeting) {
    }
}
