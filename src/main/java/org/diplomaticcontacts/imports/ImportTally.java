package org.diplomaticcontacts.imports;

/** How many records of an import were created, updated or left unchanged. */
final class ImportTally {

    private int created;
    private int updated;
    private int unchanged;

    void count(Classified<?> record) {
        switch (record.fate()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void add(ImportTally other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }
}
