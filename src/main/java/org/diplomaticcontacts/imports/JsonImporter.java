package org.diplomaticcontacts.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a JSON document (SPEC, "Bulk import and export"): all or nothing, records matched by
 * external id so that importing the same document again changes nothing and a corrected one
 * updates only what changed ({@link ImportClassifier}). Checked whole first
 * ({@link ImportValidator}); then written in batches in one transaction, parents before
 * children, each change traced in the history ({@link ImportHistory}).
 */
@Service
class JsonImporter {

    private static final Logger log = LoggerFactory.getLogger(JsonImporter.class);

    private final ImportDocumentReader reader;
    private final ImportValidator validator;
    private final JdbcTemplate jdbc;
    private final BulkWrites bulk;
    private final JsonAreas areas;
    private final JsonOrganizations organizations;
    private final JsonOfficials officials;
    private final JsonMeetings meetings;

    JsonImporter(ImportDocumentReader reader, ImportValidator validator, JdbcTemplate jdbc, BulkWrites bulk,
            JsonAreas areas, JsonOrganizations organizations, JsonOfficials officials, JsonMeetings meetings) {
        this.reader = reader;
        this.validator = validator;
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.areas = areas;
        this.organizations = organizations;
        this.officials = officials;
        this.meetings = meetings;
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
        // the derived rows of what this import writes are rebuilt once per batch, by the writers, not per statement
        bulk.begin();
        bulk.lockOrganizations(JsonOrganizations.stored(document.organizations(), references));
        bulk.lockRecords(JsonOfficials.stored(document.officials(), references),
                JsonMeetings.linkedOfficials(document.meetings(), references),
                JsonAreas.codes(document.cooperationAreas()), JsonMeetings.linkedAreas(document.meetings()));
        ImportTally all = new ImportTally();
        ImportTally people = new ImportTally();
        areas.write(document.cooperationAreas(), all);
        Map<String, Long> organizationIds = organizations.write(document.organizations(), references, all);
        Map<String, Long> officialIds = officials.write(document.officials(), references, organizationIds, people);
        meetings.write(document.meetings(), references, document.officials(), officialIds, all);
        bulk.end();
        all.add(people);
        log.info("JSON import: {} created, {} updated, {} unchanged in {} ms", all.created(), all.updated(),
                all.unchanged(), (System.nanoTime() - started) / 1_000_000);
        return new ImportReport(all.created(), all.updated(), all.unchanged(), List.of(),
                new ImportReport.Counts(people.created(), people.updated(), people.unchanged()));
    }
}
