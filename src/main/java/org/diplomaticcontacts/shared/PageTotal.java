package org.diplomaticcontacts.shared;

/**
 * The total of a page read with {@link PageParams#limitAndOffset()}, as a common table
 * expression named {@code page} or as the statement's own rows. A page shorter than asked holds
 * the last matches, so it gives their number itself, as Spring Data's
 * {@code PageableExecutionUtils} takes it; only a full page has them counted. PostgreSQL runs
 * that count, an InitPlan of the {@code else} branch, only when the branch is reached.
 */
public final class PageTotal {

    private PageTotal() {
    }

    /** The total as a SQL expression, given the expression that counts every match. */
    public static String of(String countOfEveryMatch, PageParams page) {
        return given("(select count(*) from page)", countOfEveryMatch, page);
    }

    /**
     * The same for a statement whose rows are the page itself (one per match of the page), with
     * no common table expression: the page's size is a window over those rows.
     */
    public static String overRows(String countOfEveryMatch, PageParams page) {
        return given("count(*) over ()", countOfEveryMatch, page);
    }

    private static String given(String countOfPage, String countOfEveryMatch, PageParams page) {
        return "case when " + countOfPage + " < " + page.size()
                + " then " + page.offset() + " + " + countOfPage
                + " else " + countOfEveryMatch + " end";
    }
}
