package org.diplomaticcontacts.shared;

/**
 * The total of a page read with {@link PageParams#limitAndOffset()}, as a common table
 * expression named {@code page}. A page shorter than asked holds the last matches, so it gives
 * their number itself, as Spring Data's {@code PageableExecutionUtils} takes it; only a full page
 * has them counted. PostgreSQL runs that count, an InitPlan of the {@code else} branch, only when
 * the branch is reached.
 */
public final class PageTotal {

    private PageTotal() {
    }

    /** The total as a SQL expression, given the expression that counts every match. */
    public static String of(String countOfEveryMatch, PageParams page) {
        return "case when (select count(*) from page) < " + page.size()
                + " then " + page.offset() + " + (select count(*) from page)"
                + " else " + countOfEveryMatch + " end";
    }
}
