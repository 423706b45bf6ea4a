package org.diplomaticcontacts.meeting;

import java.util.Locale;

import org.diplomaticcontacts.shared.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/** The orders {@code sort} accepts, as {@code property[,asc|desc]}; newest first by default. */
enum MeetingSort {
    DATE_DESC("m.date_start desc, m.date_end desc, m.id desc"),
    DATE_ASC("m.date_start, m.date_end, m.id"),
    TITLE_ASC("m.title, m.id"),
    TITLE_DESC("m.title desc, m.id desc"),
    ID_ASC("m.id"),
    ID_DESC("m.id desc");

    private final String orderBy;

    MeetingSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    static MeetingSort parse(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return DATE_DESC;
        }
        String[] parts = sort.strip().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        String direction = parts.length > 1 ? parts[1] : "asc";
        if (parts.length <= 2 && (direction.equals("asc") || direction.equals("desc"))) {
            for (MeetingSort candidate : values()) {
                if (candidate.name().equalsIgnoreCase(parts[0] + "_" + direction)) {
                    return candidate;
                }
            }
        }
        throw new InvalidFieldException("sort",
                "'" + sort + "' is not a sort order: use date, title or id, optionally followed by ,asc or ,desc");
    }
}
