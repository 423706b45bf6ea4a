package org.diplomaticcontacts.imports;

import java.io.InputStream;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.diplomaticcontacts.shared.DateRange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a JSON document (SPEC, "Bulk import and export"): all or nothing, records matched by
 * external id so that importing the same document again changes nothing and a corrected one
 * updates only what changed. Checked whole first ({@link ImportValidator}); then written in
 * batches in one transaction, parents before children, each change traced in the history.
 */
@Service
class JsonImporter {

    private static final Logger log = LoggerFactory.getLogger(JsonImporter.class);
    private static final int MEETING_CHUNK = 2_000;

    private final ImportDocumentReader reader;
    private final ImportValidator validator;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BulkWrites bulk;

    JsonImporter(ImportDocumentReader reader, ImportValidator validator, JdbcTemplate jdbc, JsonMapper json,
            BulkWrites bulk) {
        this.reader = reader;
        this.validator = validator;
        this.jdbc = jdbc;
        this.json = json;
        this.bulk = bulk;
    }

    /** Created, updated or unchanged: decided by comparing with the record as last imported. */
    private enum Fate { CREATED, UPDATED, UNCHANGED }

    private record Classified<T>(T record, Fate fate, long id, @Nullable String before) {
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;

        void count(Classified<?> record) {
            switch (record.fate()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }

    @Transactional
    public ImportReport importDocument(InputStream body) {
        long started = System.nanoTime();
        ImportDocument.Contents document = reader.read(body);
        ImportReferences references = ImportReferences.load(jdbc);
        List<ImportReport.Rejected> rejected = validator.validate(document, references);
        if (!rejected.isEmpty()) {
            return ImportReport.rejecting(rejected);
        }
        // the derived rows of what this import writes are rebuilt once per batch, below, not per statement
        bulk.begin();
        Tally all = new Tally();
        Tally officials = new Tally();
        writeAreas(document.cooperationAreas(), all);
        Map<String, Long> organizationIds = writeOrganizations(document.organizations(), references, all);
        Map<String, Long> officialIds = writeOfficials(document.officials(), references, organizationIds, officials);
        writeMeetings(document.meetings(), references, document.officials(), officialIds, all);
        all.created += officials.created;
        all.updated += officials.updated;
        all.unchanged += officials.unchanged;
        log.info("JSON import: {} created, {} updated, {} unchanged in {} ms", all.created, all.updated,
                all.unchanged, (System.nanoTime() - started) / 1_000_000);
        return new ImportReport(all.created, all.updated, all.unchanged, List.of(),
                new ImportReport.Counts(officials.created, officials.updated, officials.unchanged));
    }

    private void writeAreas(List<ImportDocument.CooperationArea> areas, Tally tally) {
        List<Classified<ImportDocument.CooperationArea>> classified = classify(areas,
                ImportDocument.CooperationArea::code, "cooperation_areas", "code", null);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> parents = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Classified<ImportDocument.CooperationArea> area : classified) {
            tally.count(area);
            ImportDocument.CooperationArea record = area.record();
            String document = json.writeValueAsString(record);
            if (area.fate() == Fate.CREATED) {
                inserts.add(new Object[] {record.code(), record.name().strip(), document});
            }
            else if (area.fate() == Fate.UPDATED) {
                updates.add(new Object[] {record.name().strip(), document, record.code()});
                updated.add(record.code());
            }
            if (area.fate() != Fate.UNCHANGED) {
                parents.add(new Object[] {record.parentCode() != null ? record.parentCode() : record.parentRef(),
                        record.code()});
            }
        }
        batch("insert into cooperation_areas (code, name, import_record) values (?, ?, cast(? as jsonb))", inserts);
        batch("update cooperation_areas set name = ?, import_record = cast(? as jsonb), version = version + 1 "
                + "where code = ?", updates);
        batch("update cooperation_areas set parent_code = ? where code = ?", parents);
        bulk.refresh("refresh_area_meeting_documents", "text", updated);
    }

    private Map<String, Long> writeOrganizations(List<ImportDocument.Organization> organizations,
            ImportReferences references, Tally tally) {
        List<Classified<ImportDocument.Organization>> classified = classify(organizations,
                ImportDocument.Organization::externalId, "organizations", "external_id", "organizations");
        Map<String, Long> ids = new HashMap<>(references.organizationsByExternalId);
        classified.stream().filter(o -> o.record().externalId() != null)
                .forEach(o -> ids.put(o.record().externalId(), o.id()));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> parents = new ArrayList<>();
        for (Classified<ImportDocument.Organization> organization : classified) {
            tally.count(organization);
            ImportDocument.Organization record = organization.record();
            String document = json.writeValueAsString(record);
            String country = references.country(record.countryCode());
            if (organization.fate() == Fate.CREATED) {
                inserts.add(new Object[] {organization.id(), record.name().strip(), record.acronym(), record.kind(),
                        country, record.externalId(), document});
            }
            else if (organization.fate() == Fate.UPDATED) {
                updates.add(new Object[] {record.name().strip(), record.acronym(), record.kind(), country, document,
                        organization.id()});
            }
            if (organization.fate() != Fate.UNCHANGED) {
                Long parent = record.parentId() != null ? record.parentId()
                        : record.parentRef() == null ? null : ids.get(record.parentRef());
                parents.add(new Object[] {parent, organization.id()});
            }
        }
        batch("insert into organizations (id, name, acronym, kind, country_code, external_id, import_record) "
                + "values (?, ?, ?, ?, ?, ?, cast(? as jsonb))", inserts);
        batch("update organizations set name = ?, acronym = ?, kind = ?, country_code = ?, "
                + "import_record = cast(? as jsonb), version = version + 1, updated_at = now() where id = ?", updates);
        batch("update organizations set parent_id = ? where id = ?", parents);
        return ids;
    }

    private Map<String, Long> writeOfficials(List<ImportDocument.Official> officials, ImportReferences references,
            Map<String, Long> organizationIds, Tally tally) {
        List<Classified<ImportDocument.Official>> classified = classify(officials,
                ImportDocument.Official::externalId, "officials", "external_id", "officials");
        Map<String, Long> ids = new HashMap<>(references.officialsByExternalId);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> aliases = new ArrayList<>();
        List<Object[]> positions = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        for (Classified<ImportDocument.Official> official : classified) {
            tally.count(official);
            ImportDocument.Official record = official.record();
            if (record.externalId() != null) {
                ids.put(record.externalId(), official.id());
            }
            if (official.fate() == Fate.UNCHANGED) {
                continue;
            }
            String document = json.writeValueAsString(record);
            String name = record.fullName().strip();
            String country = references.country(record.countryCode());
            if (official.fate() == Fate.CREATED) {
                inserts.add(new Object[] {official.id(), name, country, record.externalId(), document});
            }
            else {
                updates.add(new Object[] {name, country, document, official.id()});
                updated.add(official.id());
                cleared.add(new Object[] {official.id()});
            }
            Set<String> distinct = new LinkedHashSet<>();
            if (record.aliases() != null) {
                record.aliases().stream().map(String::strip).filter(alias -> !alias.equals(name)).forEach(distinct::add);
            }
            distinct.forEach(alias -> aliases.add(new Object[] {official.id(), alias}));
            List<ImportDocument.Position> held = record.positions() == null ? List.of() : record.positions();
            for (int index = 0; index < held.size(); index++) {
                ImportDocument.Position position = held.get(index);
                Long organization = position.organizationId() != null ? position.organizationId()
                        : position.organizationRef() == null ? null : organizationIds.get(position.organizationRef());
                positions.add(new Object[] {official.id(), index, position.title().strip(), organization,
                        BulkWrites.sqlDate(position.startDate()), BulkWrites.sqlDate(position.endDate())});
            }
            history.add(historyRow("official", official, document));
        }
        batch("insert into officials (id, full_name, country_code, external_id, import_record) "
                + "values (?, ?, ?, ?, cast(? as jsonb))", inserts);
        batch("update officials set full_name = ?, country_code = ?, import_record = cast(? as jsonb), "
                + "version = version + 1, updated_at = now() where id = ?", updates);
        batch("delete from official_aliases where official_id = ?", cleared);
        batch("delete from positions where official_id = ?", cleared);
        batch("insert into official_aliases (official_id, alias) values (?, ?)", aliases);
        batch("insert into positions (official_id, list_index, title, organization_id, start_date, end_date) "
                + "values (?, ?, ?, ?, ?, ?)", positions);
        recordHistory(history);
        bulk.refresh("refresh_official_search", "bigint", history.stream().map(row -> (Long) row[1]).toList());
        // a new official is in no meeting yet; an updated one may have a new name
        bulk.refresh("refresh_official_meeting_documents", "bigint", updated);
        return ids;
    }

    /**
     * Meetings are the bulk of a large document, so they are written a chunk at a time: only one
     * chunk's rows, documents and history are ever held at once. Every new meeting gets its id
     * up front, and relations are written last, so that a meeting may relate to one of a later chunk.
     */
    private void writeMeetings(List<ImportDocument.Meeting> meetings, ImportReferences references,
            List<ImportDocument.Official> documentOfficials, Map<String, Long> officialIds, Tally tally) {
        Map<String, Long> meetingIds = new HashMap<>(references.meetingsByExternalId);
        long[] ids = new long[meetings.size()];
        long unknown = meetings.stream()
                .filter(meeting -> meeting.externalId() == null || !meetingIds.containsKey(meeting.externalId())).count();
        Iterator<Long> newIds = bulk.nextIds("meetings", unknown).iterator();
        for (int index = 0; index < meetings.size(); index++) {
            String externalId = meetings.get(index).externalId();
            Long known = externalId == null ? null : meetingIds.get(externalId);
            ids[index] = known != null ? known : newIds.next();
            if (externalId != null) {
                meetingIds.put(externalId, ids[index]);
            }
        }
        List<Object[]> relations = new ArrayList<>();
        for (int from = 0; from < meetings.size(); from += MEETING_CHUNK) {
            List<ImportDocument.Meeting> chunk = meetings.subList(from, Math.min(meetings.size(), from + MEETING_CHUNK));
            Map<String, String> lastImported = lastImported("meetings", chunk.stream()
                    .map(ImportDocument.Meeting::externalId).filter(key -> key != null && references.meetingsByExternalId
                            .containsKey(key)).toList());
            List<Classified<ImportDocument.Meeting>> classified = new ArrayList<>(chunk.size());
            for (int index = 0; index < chunk.size(); index++) {
                ImportDocument.Meeting meeting = chunk.get(index);
                boolean stored = meeting.externalId() != null
                        && references.meetingsByExternalId.containsKey(meeting.externalId());
                classified.add(stored ? compare(meeting, ids[from + index], lastImported.get(meeting.externalId()))
                        : new Classified<>(meeting, Fate.CREATED, ids[from + index], null));
            }
            OfficialsOnRecord people = OfficialsOnRecord.load(jdbc, references, documentOfficials, officialIds,
                    classified.stream().filter(m -> m.fate() != Fate.UNCHANGED).map(Classified::record).toList());
            MeetingRows rows = new MeetingRows();
            for (Classified<ImportDocument.Meeting> meeting : classified) {
                tally.count(meeting);
                if (meeting.fate() != Fate.UNCHANGED) {
                    String document = json.writeValueAsString(meeting.record());
                    rows.add(meeting.id(), meeting.fate() == Fate.CREATED, meeting.record(), document, references,
                            officialIds, meetingIds, people);
                    rows.history.add(historyRow("meeting", meeting, document));
                }
            }
            rows.write(this::batch);
            recordHistory(rows.history);
            List<Long> written = rows.history.stream().map(row -> (Long) row[1]).toList();
            bulk.refresh("refresh_meeting_search", "bigint", written);
            bulk.refresh("refresh_changed_meeting_documents", "bigint", written);
            relations.addAll(rows.relations);
        }
        MeetingRows.writeRelations(this::batch, relations);
        // the relations hold both directions: their first column names both sides
        bulk.refresh("refresh_meeting_documents", "bigint", relations.stream().map(relation -> (Long) relation[0])
                .distinct().toList());
    }

    private Map<String, String> lastImported(String table, List<String> externalIds) {
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

    private <T> Classified<T> compare(T record, long id, @Nullable String before) {
        boolean same = before != null && json.readTree(before).equals(json.valueToTree(record));
        return new Classified<>(record, same ? Fate.UNCHANGED : Fate.UPDATED, id, before);
    }

    /**
     * Sorts records into created, updated and unchanged against what the registry holds under
     * their keys, and gives each its id (new ones from the table's own sequence, in one go).
     */
    private <T> List<Classified<T>> classify(List<T> records, Function<T, @Nullable String> key, String table,
            String keyColumn, @Nullable String sequenceTable) {
        List<String> keys = records.stream().map(key).filter(k -> k != null).toList();
        Map<String, Object[]> existing = new HashMap<>();
        if (!keys.isEmpty()) {
            String idColumn = sequenceTable == null ? "0" : "id";
            jdbc.query("select " + keyColumn + ", " + idColumn + ", import_record::text from " + table
                    + " where " + keyColumn + " = any(?)", statement -> statement.setArray(1, textArray(statement, keys)),
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
                classified.add(new Classified<>(record, Fate.CREATED, id, null));
                continue;
            }
            classified.add(compare(record, (Long) stored[0], (String) stored[1]));
        }
        return classified;
    }

    private Object[] historyRow(String type, Classified<?> record, String after) {
        String before = record.fate() == Fate.CREATED ? null
                : record.before() != null ? record.before() : "{\"id\": " + record.id() + "}";
        return new Object[] {type, record.id(), record.fate() == Fate.CREATED ? "CREATE" : "UPDATE", actor(), before,
                after};
    }

    private void recordHistory(List<Object[]> rows) {
        batch("insert into change_history (record_type, record_id, action, actor, before, after) "
                + "values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))", rows);
    }

    void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    static DateRange range(ImportDocument.Meeting meeting) {
        return DateRange.parse(meeting.date());
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "import" : authentication.getName();
    }
}
