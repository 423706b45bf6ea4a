package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /meetings}, resolved to keys; all optional, all combined.
 * {@code words} is in the form of {@code SearchWords.fullText}.
 */
record MeetingSearch(@Nullable String countryCode, @Nullable String counterpartCode, @Nullable Long officialId,
        @Nullable Long organizationId, @Nullable String areaCode, @Nullable String locationCode,
        @Nullable MeetingKind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String words) {

    static MeetingSearch byOfficial(long officialId) {
        return new MeetingSearch(null, null, officialId, null, null, null, null, null, null, null);
    }
}
