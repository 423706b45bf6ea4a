package org.diplomaticcontacts.imports;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The change history an import writes for each record it creates or updates, in the same
 * transaction: who, what, and the record before and after, as the API's own writes record it.
 */
@Component
class ImportHistory {

    private final BulkWrites bulk;

    ImportHistory(BulkWrites bulk) {
        this.bulk = bulk;
    }

    /**
     * The history row of a created or updated record of {@code type}: record type, id, action,
     * actor, before and after. An update of a record never imported before has only its id as
     * the record before.
     */
    Object[] row(String type, Classified<?> record, String after) {
        String before = record.created() ? null
                : record.before() != null ? record.before() : "{\"id\": " + record.id() + "}";
        return new Object[] {type, record.id(), record.created() ? "CREATE" : "UPDATE", actor(), before, after};
    }

    /** The record ids of {@code rows}, as {@link #row} wrote them. */
    static List<Long> ids(List<Object[]> rows) {
        return rows.stream().map(row -> (Long) row[1]).toList();
    }

    /** Writes rows of record type, id, action, actor, before and after (JSON), as {@link #row} makes them. */
    void write(List<Object[]> rows) {
        bulk.batch("insert into change_history (record_type, record_id, action, actor, before, after) "
                + "values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))", rows);
    }

    /** Who imports: the admin who sent the document ("import" when no one is signed in). */
    static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "import" : authentication.getName();
    }
}
