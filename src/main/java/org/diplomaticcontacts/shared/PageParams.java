package org.diplomaticcontacts.shared;

/**
 * Which page a client asked for. Controllers refuse out-of-range values (400) instead of
 * clamping them, so that a client never believes it got what it asked for when it did not.
 */
public record PageParams(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep offsets cost a scan of everything before them; past this, a client should filter. */
    public static final int MAX_PAGE = 100_000;

    public long offset() {
        return (long) page * size;
    }

    /**
     * The page as SQL, written into the statement rather than bound. PostgreSQL plans a bound
     * {@code LIMIT} for a tenth of the rows, so a list's generic plan always looked costlier than
     * the custom ones and every request was planned again, which is about half of a list page's
     * time in PostgreSQL. With the numbers in the text (each page size and number a statement of
     * its own), PostgreSQL keeps a statement's plan wherever it estimates the generic one no
     * costlier. Both are integers, validated.
     */
    public String limitAndOffset() {
        return "limit " + size + " offset " + offset();
    }
}
