package org.diplomaticcontacts.imports;

import org.jspecify.annotations.Nullable;

/**
 * One {@code <visit>} or {@code <trip>} as published, whitespace collapsed, nothing resolved yet.
 * For a visit, {@code people} is the visitor text; for a trip, the traveller's name.
 */
record HsgRecord(Kind kind, int index, @Nullable String id, @Nullable String startDate, @Nullable String endDate,
        @Nullable String people, @Nullable String role, @Nullable String who, @Nullable String countrySlug,
        @Nullable String countryName, @Nullable String locale, @Nullable String text) {

    enum Kind {
        VISIT("hsg-visit:"), TRIP("hsg-trip:");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    String externalId() {
        return kind.prefix + (id == null ? "#" + index : id);
    }
}
