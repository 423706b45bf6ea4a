package org.diplomaticcontacts.official;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /officials}; all optional, all combined. */
record OfficialSearch(@Nullable String countryCode, @Nullable String words, @Nullable String positionWords,
        @Nullable LocalDate at) {
}
