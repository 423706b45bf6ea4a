package org.diplomaticcontacts.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.diplomaticcontacts.shared.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The orders {@code sort} accepts, as {@code property[,asc|desc]}: newest first by default, most
 * relevant first by default when searching with {@code q}.
 */
enum MeetingSort {
    /**
     * Best full-text match first, then newest; needs the search document {@code ms} joined and
     * the query {@code words} of {@link MeetingQuery#with()}.
     */
    RELEVANCE_DESC("ts_rank(ms.words, (select query from words)) desc", "{dates}.date_start desc", "{id} desc"),
    DATE_DESC("{dates}.date_start desc", "{dates}.date_end desc", "{id} desc"),
    DATE_ASC("{dates}.date_start", "{dates}.date_end", "{id}"),
    TITLE_ASC("m.title", "{id}"),
    TITLE_DESC("m.title desc", "{id} desc"),
    ID_ASC("{id}"),
    ID_DESC("{id} desc");

    private static final String DESCENDING = " desc";

    /** The keys as an ORDER BY, with {id} and {dates} still to be resolved. */
    private final String orderBy;
    /** The keys' expressions as the select-list columns k0, k1… (resolved likewise), and the ORDER BY over them. */
    private final String keyColumns;
    private final String orderByKeyColumns;

    /** Each key an SQL expression, followed by " desc" when it orders high values first. */
    MeetingSort(String... keys) {
        List<String> columns = new ArrayList<>(keys.length);
        List<String> orderOfColumns = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            boolean descending = keys[i].endsWith(DESCENDING);
            String expression = descending ? keys[i].substring(0, keys[i].length() - DESCENDING.length()) : keys[i];
            columns.add(expression + " as k" + i);
            orderOfColumns.add("k" + i + (descending ? DESCENDING : ""));
        }
        this.orderBy = String.join(", ", keys);
        this.keyColumns = String.join(", ", columns);
        this.orderByKeyColumns = String.join(", ", orderOfColumns);
    }

    /**
     * The ORDER BY expressions, for matches whose meeting id is {@code id} and whose days are
     * the {@code date_start} and {@code date_end} of the row aliased {@code dates}.
     */
    String orderBy(String id, String dates) {
        return resolve(orderBy, id, dates);
    }

    /**
     * The values this order compares, as select-list columns {@code k0}, {@code k1}…, so that
     * matches read once can be ordered later by {@link #orderByKeyColumns()}.
     */
    String keyColumns(String id, String dates) {
        return resolve(keyColumns, id, dates);
    }

    /** The ORDER BY over the columns of {@link #keyColumns}. */
    String orderByKeyColumns() {
        return orderByKeyColumns;
    }

    private static String resolve(String expressions, String id, String dates) {
        return expressions.replace("{id}", id).replace("{dates}", dates);
    }

    /** Whether the order reads a column only the meeting row {@code m} has. */
    boolean needsMeetingRow() {
        return orderBy.startsWith("m.title");
    }

    /**
     * The order a client asked for; without one, by relevance when searching for words and
     * newest first otherwise. Relevance without words to be relevant to is newest first too.
     */
    static MeetingSort of(@Nullable String sort, boolean searchingWords) {
        MeetingSort parsed = sort == null || sort.isBlank()
                ? (searchingWords ? RELEVANCE_DESC : DATE_DESC)
                : parse(sort);
        return parsed == RELEVANCE_DESC && !searchingWords ? DATE_DESC : parsed;
    }

    private static MeetingSort parse(String sort) {
        // "," splits into no parts at all: Java drops trailing empty strings
        String[] parts = sort.strip().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        if (parts.length == 0) {
            throw notASortOrder(sort);
        }
        String direction = parts.length > 1 ? parts[1] : parts[0].equals("relevance") ? "desc" : "asc";
        if (parts.length <= 2 && (direction.equals("asc") || direction.equals("desc"))) {
            for (MeetingSort candidate : values()) {
                if (candidate.name().equalsIgnoreCase(parts[0] + "_" + direction)) {
                    return candidate;
                }
            }
        }
        throw notASortOrder(sort);
    }

    private static InvalidFieldException notASortOrder(String sort) {
        return new InvalidFieldException("sort", "'" + sort
                + "' is not a sort order: use relevance, date, title or id, optionally followed by ,asc or ,desc");
    }
}
