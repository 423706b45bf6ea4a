package org.diplomaticcontacts.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes the organizations of a JSON import, keyed by their external id. */
@Component
class JsonOrganizations {

    private final ImportClassifier classifier;
    private final BulkWrites bulk;
    private final JsonMapper json;

    JsonOrganizations(ImportClassifier classifier, BulkWrites bulk, JsonMapper json) {
        this.classifier = classifier;
        this.bulk = bulk;
        this.json = json;
    }

    /** The stored organizations the document names by external id: the ones it may change. */
    static Set<Long> stored(List<ImportDocument.Organization> organizations, ImportReferences references) {
        return ImportReferences.stored(organizations, ImportDocument.Organization::externalId,
                references.organizationsByExternalId);
    }

    /** Writes them, and gives the ids of every organization known by external id, stored or new. */
    Map<String, Long> write(List<ImportDocument.Organization> organizations, ImportReferences references,
            ImportTally tally) {
        List<Classified<ImportDocument.Organization>> classified = classifier.classify(organizations,
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
            if (organization.created()) {
                inserts.add(new Object[] {organization.id(), record.name().strip(), record.acronym(), record.kind(),
                        country, record.externalId(), document});
            }
            else if (organization.updated()) {
                updates.add(new Object[] {record.name().strip(), record.acronym(), record.kind(), country, document,
                        organization.id()});
            }
            if (organization.changed()) {
                Long parent = record.parentId() != null ? record.parentId()
                        : record.parentRef() == null ? null : ids.get(record.parentRef());
                parents.add(new Object[] {parent, organization.id()});
            }
        }
        bulk.batch("insert into organizations (id, name, acronym, kind, country_code, external_id, import_record) "
                + "values (?, ?, ?, ?, ?, ?, cast(? as jsonb))", inserts);
        bulk.batch("update organizations set name = ?, acronym = ?, kind = ?, country_code = ?, "
                + "import_record = cast(? as jsonb), version = version + 1, updated_at = now() where id = ?", updates);
        // parents last: an organization may name one that comes after it in the document
        bulk.batch("update organizations set parent_id = ? where id = ?", parents);
        return ids;
    }
}
