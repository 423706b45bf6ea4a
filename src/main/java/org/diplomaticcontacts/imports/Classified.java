package org.diplomaticcontacts.imports;

import org.jspecify.annotations.Nullable;

/**
 * A record of an import document sorted against what the registry holds under its key
 * ({@link ImportClassifier}): its fate, its id (new or stored), and the document it was last
 * imported with, when it is stored.
 */
record Classified<T>(T record, Fate fate, long id, @Nullable String before) {

    /** Created, updated or unchanged: decided by comparing with the record as last imported. */
    enum Fate { CREATED, UPDATED, UNCHANGED }

    static <T> Classified<T> created(T record, long id) {
        return new Classified<>(record, Fate.CREATED, id, null);
    }

    boolean created() {
        return fate == Fate.CREATED;
    }

    boolean updated() {
        return fate == Fate.UPDATED;
    }

    boolean changed() {
        return fate != Fate.UNCHANGED;
    }
}
