package org.diplomaticcontacts.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A history.state.gov record resolved and checked, ready to write as a meeting of kind VISIT.
 * {@code participantCountries} gives, index by index, the country each of {@code people} takes
 * part for.
 */
record HsgMeeting(HsgRecord source, String externalId, String title, @Nullable String summary, String dateText,
        LocalDate start, LocalDate end, @Nullable String city, String locationCountry, List<Holder> people,
        List<String> participantCountries, String sourceUrl) {

    static final String PUBLISHER = "Office of the Historian, U.S. Department of State";

    /** A person of one record, with the post the record shows them in. */
    record Holder(String externalId, String name, String countryCode, @Nullable String title,
            @Nullable LocalDate start, @Nullable LocalDate end) {
    }

    /** The source's note: the publisher's own kind and id of the record. */
    String note() {
        return "history.state.gov " + source.kind().name().toLowerCase(Locale.ROOT) + " " + source.id();
    }
}
