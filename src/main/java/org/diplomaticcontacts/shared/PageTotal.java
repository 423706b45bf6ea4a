package org.diplomaticcontacts.shared;

/**
 * The total of a page read with {@link PageParams#limitAndOffset()}, in a statement whose rows are
 * the page itself (one per match of the page). A page shorter than asked holds the last matches,
 * so it gives their number itself, a window over its rows, as Spring Data's
 * {@code PageableExecutionUtils} takes it; only a full page has them counted. PostgreSQL runs
 * that count, an InitPlan of the {@code else} branch, only when the branch is reached.
 */
public final class PageTotal {

    private PageTotal() {
    }

    /**
     * The total as a SQL expression, given the expression that counts every match. The window must
     * be over the page's rows, after its limit: in the statement that reads the page from a
     * subquery, not in the subquery.
     */
    public static String overRows(String countOfEveryMatch, PageParams page) {
        return "case when count(*) over () < " + page.size()
                + " then " + page.offset() + " + count(*) over ()"
                + " else " + countOfEveryMatch + " end";
    }
}
