package org.diplomaticcontacts.relations;

import java.time.LocalDate;
import java.util.List;

import org.diplomaticcontacts.country.CountryResponse;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /countries/{code}/relations/{other}}. {@code firstDate} is the earliest day a
 * meeting may have begun ({@code dateStart}), {@code lastDate} the latest day one may have ended
 * ({@code dateEnd}); both are null when the two countries never met. A meeting counts in the
 * year of its {@code dateStart}, and once under each top-level area it touches.
 */
record RelationsResponse(CountryResponse country, CountryResponse counterpart, long meetingCount,
        @Nullable LocalDate firstDate, @Nullable LocalDate lastDate, List<YearCount> byYear, List<AreaCount> byArea,
        List<OfficialCount> officials) {

    record YearCount(int year, long count) {
    }

    record AreaCount(String code, String name, long count) {
    }

    record OfficialCount(long id, String fullName, @Nullable String countryCode, long meetingCount) {
    }

    /** The figures PostgreSQL computes, before the two countries are added. */
    record Figures(long meetingCount, @Nullable LocalDate firstDate, @Nullable LocalDate lastDate,
            List<YearCount> byYear, List<AreaCount> byArea, List<OfficialCount> officials) {
    }
}
