package org.diplomaticcontacts.imports;

import static java.util.stream.Collectors.toSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes the cooperation areas of a JSON import, keyed by their code. */
@Component
class JsonAreas {

    private final ImportClassifier classifier;
    private final BulkWrites bulk;
    private final JsonMapper json;

    JsonAreas(ImportClassifier classifier, BulkWrites bulk, JsonMapper json) {
        this.classifier = classifier;
        this.bulk = bulk;
        this.json = json;
    }

    /** The codes of {@code areas}, those the import may change. */
    static Set<String> codes(List<ImportDocument.CooperationArea> areas) {
        return areas.stream().map(ImportDocument.CooperationArea::code).collect(toSet());
    }

    /** Writes them, and rebuilds the documents of the meetings tagged with an area renamed. */
    void write(List<ImportDocument.CooperationArea> areas, ImportTally tally) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> parents = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Classified<ImportDocument.CooperationArea> area : classifier.classify(areas,
                ImportDocument.CooperationArea::code, "cooperation_areas", "code", null)) {
            tally.count(area);
            ImportDocument.CooperationArea record = area.record();
            String document = json.writeValueAsString(record);
            if (area.created()) {
                inserts.add(new Object[] {record.code(), record.name().strip(), document});
            }
            else if (area.updated()) {
                updates.add(new Object[] {record.name().strip(), document, record.code()});
                updated.add(record.code());
            }
            if (area.changed()) {
                parents.add(new Object[] {record.parentCode() != null ? record.parentCode() : record.parentRef(),
                        record.code()});
            }
        }
        bulk.batch("insert into cooperation_areas (code, name, import_record) values (?, ?, cast(? as jsonb))",
                inserts);
        bulk.batch("update cooperation_areas set name = ?, import_record = cast(? as jsonb), version = version + 1 "
                + "where code = ?", updates);
        // parents last: an area may name one that comes after it in the document
        bulk.batch("update cooperation_areas set parent_code = ? where code = ?", parents);
        bulk.refresh("refresh_area_meeting_documents", "text", updated);
    }
}
