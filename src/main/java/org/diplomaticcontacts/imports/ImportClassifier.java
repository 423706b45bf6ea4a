package org.diplomaticcontacts.imports;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sorts the records of an import document into created, updated and unchanged: a record whose
 * key the registry holds is unchanged when it equals, as JSON, the record last imported under
 * that key. This is what makes importing the same document twice change nothing.
 */
@Component
class ImportClassifier {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BulkWrites bulk;

    ImportClassifier(JdbcTemplate jdbc, JsonMapper json, BulkWrites bulk) {
        this.jdbc = jdbc;
        this.json = json;
        this.bulk = bulk;
    }

    /**
     * Classifies {@code records} against the rows of {@code table} under {@code keyColumn}, and
     * gives each its id: a stored one, or for a new record one from the sequence of
     * {@code sequenceTable}, all taken in one go (none when it is null: a table keyed by code).
     */
    <T> List<Classified<T>> classify(List<T> records, Function<T, @Nullable String> key, String table,
            String keyColumn, @Nullable String sequenceTable) {
        List<String> keys = records.stream().map(key).filter(k -> k != null).toList();
        Map<String, Object[]> existing = new HashMap<>();
        if (!keys.isEmpty()) {
            String idColumn = sequenceTable == null ? "0" : "id";
            jdbc.query("select " + keyColumn + ", " + idColumn + ", import_record::text from " + table
                    + " where " + keyColumn + " = any(?)",
                    statement -> statement.setArray(1, textArray(statement, keys)),
                    row -> {
                        existing.put(row.getString(1), new Object[] {row.getLong(2), row.getString(3)});
                    });
        }
        long created = records.stream().filter(record -> key.apply(record) == null
                || !existing.containsKey(key.apply(record))).count();
        List<Long> newIds = sequenceTable == null ? List.of() : bulk.nextIds(sequenceTable, created);
        List<Classified<T>> classified = new ArrayList<>(records.size());
        int next = 0;
        for (T record : records) {
            String recordKey = key.apply(record);
            Object[] stored = recordKey == null ? null : existing.get(recordKey);
            if (stored == null) {
                long id = sequenceTable == null ? 0 : newIds.get(next++);
                classified.add(Classified.created(record, id));
                continue;
            }
            classified.add(compare(record, (Long) stored[0], (String) stored[1]));
        }
        return classified;
    }

    /** A stored record, updated unless it equals the document it was last imported with. */
    <T> Classified<T> compare(T record, long id, @Nullable String before) {
        boolean same = before != null && json.readTree(before).equals(json.valueToTree(record));
        return new Classified<>(record, same ? Classified.Fate.UNCHANGED : Classified.Fate.UPDATED, id, before);
    }

    /** The documents last imported under {@code externalIds} into {@code table}, by external id. */
    Map<String, String> lastImported(String table, List<String> externalIds) {
        Map<String, String> documents = new HashMap<>();
        if (!externalIds.isEmpty()) {
            jdbc.query("select external_id, import_record::text from " + table + " where external_id = any(?)",
                    statement -> statement.setArray(1, textArray(statement, externalIds)),
                    row -> {
                        documents.put(row.getString(1), row.getString(2));
                    });
        }
        return documents;
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }
}
