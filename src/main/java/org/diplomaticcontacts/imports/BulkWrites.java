package org.diplomaticcontacts.imports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How an import keeps the rows PostgreSQL derives from the registry (search documents of V20,
 * meeting documents and filter rows of V23): their triggers would rebuild them after every
 * statement, and an import writes a record's row, participants and sources in separate
 * statements, batch by batch. So an import switches the triggers off for its own transaction
 * and rebuilds what it wrote once per batch, with the refresh functions of those migrations.
 * Both importers also take their ids and write their rows in batches here.
 */
@Component
class BulkWrites {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    BulkWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The triggers return early until the current transaction ends. */
    void begin() {
        jdbc.queryForObject("select set_config('diplomatic_contacts.bulk_import', 'on', true)", String.class);
    }

    /**
     * Counts the meetings the import wrote by month and by day (V32, V35), in one statement: the
     * counters of its months and days are then locked together, in order, as every other write
     * locks them. Last, before the import's transaction commits.
     */
    void end() {
        jdbc.query("select count_imported_meeting_months()", row -> {
        });
    }

    /** Calls the refresh {@code function} with the keys (of SQL type {@code keyType}) as its array argument. */
    void refresh(String function, String keyType, Collection<?> keys) {
        runWithArray("select " + function + "(?)", keyType, keys);
    }

    /**
     * Locks the stored organizations the import may change, in id order, before it reads them
     * (first of its locks, so that every import takes them in one order). A second import changing
     * the same organizations waits here, then compares them with what the first wrote instead of
     * with what they were when it began. No other write locks an organization and then an
     * official. The posts an import links to an organization need no lock of ours: their foreign
     * key takes one that a change does not block.
     */
    void lockOrganizations(Collection<Long> changed) {
        runWithArray("select from organizations where id = any(?) order by id for no key update", "bigint", changed);
    }

    /** Runs {@code sql} with {@code values} (of SQL type {@code type}) as its one array parameter, if any. */
    private void runWithArray(String sql, String type, Collection<?> values) {
        if (!values.isEmpty()) {
            jdbc.query(sql, statement -> statement.setArray(1,
                    statement.getConnection().createArrayOf(type, values.toArray())), row -> {
                    });
        }
    }

    /**
     * Locks the officials and areas the import may change for that, and those its meetings link
     * to for share (V36, in id and then code order, before the import reads any of them). A
     * rename, move or post change of a linked one waits for the import, or the import for it, as
     * for a link written with V23's triggers on, and whichever comes second sees the other's
     * change; a second import changing the same records waits for this one at its start, where
     * two imports that had share-locked a record both to link and to change it each waited for
     * the other.
     */
    void lockRecords(Collection<Long> changedOfficials, Collection<Long> linkedOfficials,
            Collection<String> changedAreas, Collection<String> linkedAreas) {
        jdbc.query("select lock_import_records(?, ?, ?, ?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", changedOfficials.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", linkedOfficials.toArray()));
            statement.setArray(3, statement.getConnection().createArrayOf("text", changedAreas.toArray()));
            statement.setArray(4, statement.getConnection().createArrayOf("text", linkedAreas.toArray()));
        }, row -> {
        });
    }

    /** Runs {@code sql} once per row, a thousand rows to a JDBC batch. */
    void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /** Takes {@code count} ids from the sequence of {@code table}'s id column, in one statement. */
    List<Long> nextIds(String table, long count) {
        return count == 0 ? List.of()
                : jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)",
                        Long.class, table, count);
    }

    /** A day as a JDBC parameter; null stays null. */
    static @Nullable Date sqlDate(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
