package org.diplomaticcontacts.imports;

import java.util.List;

/**
 * What an import did. {@code created}, {@code updated} and {@code unchanged} count the file's
 * records (meetings); {@code officials} counts the people they brought along. With any
 * {@code rejected} record nothing is written.
 */
record ImportReport(int created, int updated, int unchanged, List<Rejected> rejected, Counts officials) {

    record Rejected(String kind, String externalId, int index, List<String> errors) {
    }

    record Counts(int created, int updated, int unchanged) {
    }

    static ImportReport rejecting(List<Rejected> rejected) {
        return new ImportReport(0, 0, 0, rejected, new Counts(0, 0, 0));
    }
}
