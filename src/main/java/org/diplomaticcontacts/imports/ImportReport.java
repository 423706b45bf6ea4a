package org.diplomaticcontacts.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did. For a history.state.gov file, {@code created}, {@code updated} and
 * {@code unchanged} count its records (meetings) and {@code officials} the people they brought
 * along; for a JSON document they count all its records, officials included. With any
 * {@code rejected} record nothing is written.
 */
record ImportReport(int created, int updated, int unchanged, List<Rejected> rejected, Counts officials) {

    record Rejected(String kind, @Nullable String externalId, int index, List<String> errors) {
    }

    record Counts(int created, int updated, int unchanged) {
    }

    static ImportReport rejecting(List<Rejected> rejected) {
        return new ImportReport(0, 0, 0, rejected, new Counts(0, 0, 0));
    }
}
