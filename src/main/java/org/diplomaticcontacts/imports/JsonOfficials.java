package org.diplomaticcontacts.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the officials of a JSON import, keyed by their external id: a changed official's
 * aliases and posts are replaced by the document's.
 */
@Component
class JsonOfficials {

    private final ImportClassifier classifier;
    private final ImportHistory history;
    private final BulkWrites bulk;
    private final JsonMapper json;

    JsonOfficials(ImportClassifier classifier, ImportHistory history, BulkWrites bulk, JsonMapper json) {
        this.classifier = classifier;
        this.history = history;
        this.bulk = bulk;
        this.json = json;
    }

    /** Writes them, and gives the ids of every official known by external id, stored or new. */
    Map<String, Long> write(List<ImportDocument.Official> officials, ImportReferences references,
            Map<String, Long> organizationIds, ImportTally tally) {
        Map<String, Long> ids = new HashMap<>(references.officialsByExternalId);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> aliases = new ArrayList<>();
        List<Object[]> positions = new ArrayList<>();
        List<Object[]> historyRows = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        for (Classified<ImportDocument.Official> official : classifier.classify(officials,
                ImportDocument.Official::externalId, "officials", "external_id", "officials")) {
            tally.count(official);
            ImportDocument.Official record = official.record();
            if (record.externalId() != null) {
                ids.put(record.externalId(), official.id());
            }
            if (!official.changed()) {
                continue;
            }
            String document = json.writeValueAsString(record);
            String name = record.fullName().strip();
            String country = references.country(record.countryCode());
            if (official.created()) {
                inserts.add(new Object[] {official.id(), name, country, record.externalId(), document});
            }
            else {
                updates.add(new Object[] {name, country, document, official.id()});
                updated.add(official.id());
                cleared.add(new Object[] {official.id()});
            }
            aliases(record, name).forEach(alias -> aliases.add(new Object[] {official.id(), alias}));
            positions.addAll(positions(official.id(), record, organizationIds));
            historyRows.add(history.row("official", official, document));
        }
        bulk.batch("insert into officials (id, full_name, country_code, external_id, import_record) "
                + "values (?, ?, ?, ?, cast(? as jsonb))", inserts);
        bulk.batch("update officials set full_name = ?, country_code = ?, import_record = cast(? as jsonb), "
                + "version = version + 1, updated_at = now() where id = ?", updates);
        bulk.batch("delete from official_aliases where official_id = ?", cleared);
        bulk.batch("delete from positions where official_id = ?", cleared);
        bulk.batch("insert into official_aliases (official_id, alias) values (?, ?)", aliases);
        bulk.batch("insert into positions (official_id, list_index, title, organization_id, start_date, end_date) "
                + "values (?, ?, ?, ?, ?, ?)", positions);
        history.write(historyRows);
        bulk.refresh("refresh_official_search", "bigint", ImportHistory.ids(historyRows));
        // a new official is in no meeting yet; an updated one may have a new name
        bulk.refresh("refresh_official_meeting_documents", "bigint", updated);
        return ids;
    }

    /** The ids of those of {@code officials} already in the registry, known by their external ids. */
    static Set<Long> stored(List<ImportDocument.Official> officials, ImportReferences references) {
        return ImportReferences.stored(officials, ImportDocument.Official::externalId,
                references.officialsByExternalId);
    }

    /** The official's aliases, each once, without the name itself. */
    private static Set<String> aliases(ImportDocument.Official record, String name) {
        Set<String> distinct = new LinkedHashSet<>();
        if (record.aliases() != null) {
            record.aliases().stream().map(String::strip).filter(alias -> !alias.equals(name)).forEach(distinct::add);
        }
        return distinct;
    }

    private static List<Object[]> positions(long official, ImportDocument.Official record,
            Map<String, Long> organizationIds) {
        List<ImportDocument.Position> held = record.positions() == null ? List.of() : record.positions();
        List<Object[]> rows = new ArrayList<>(held.size());
        for (int index = 0; index < held.size(); index++) {
            ImportDocument.Position position = held.get(index);
            Long organization = position.organizationId() != null ? position.organizationId()
                    : position.organizationRef() == null ? null : organizationIds.get(position.organizationRef());
            rows.add(new Object[] {official, index, position.title().strip(), organization,
                    BulkWrites.sqlDate(position.startDate()), BulkWrites.sqlDate(position.endDate())});
        }
        return rows;
    }
}
