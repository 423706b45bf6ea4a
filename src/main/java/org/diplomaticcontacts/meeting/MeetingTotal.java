package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The total of a search read from the counters of migrations V24, V30 and V32, when its filters
 * are ones they keep: a country or pair, an area, or both, an organization alone, or none at all,
 * over whole months.
 * Such a total costs a few hundred counters whether it is ten meetings or a million; any other
 * search counts its matches.
 * <p>
 * The counters are by the month a meeting starts and the month it ends, so the meetings
 * overlapping {@code from}/{@code to} are all of the key's but those ending before {@code from}
 * and those starting after {@code to}: exact when {@code from} is the first day of a month and
 * {@code to} the last, as for a year or a month. A pair and an area together are kept for all
 * time only.
 */
final class MeetingTotal {

    private static final String PAIR = "country_pair_months where country_code = least(:country, :counterpart)"
            + " and counterpart_code = greatest(:country, :counterpart)";

    private static final String AREA = "area_months where area_code = :area";

    private static final String ORGANIZATION = "organization_months where organization_id = :organization";

    private static final String EVERY_MEETING = "meeting_months";

    private static final String PAIR_AND_AREA = """
            (select coalesce(sum(meetings), 0) from country_pair_areas
             where country_code = least(:country, :counterpart) and counterpart_code = greatest(:country, :counterpart)
               and area_code = :area)""";

    private MeetingTotal() {
    }

    /**
     * The total as a scalar SQL expression over the parameters {@link MeetingQuery} binds, or
     * empty when the search's filters are not all kept by the counters.
     */
    static Optional<String> counted(MeetingSearch search) {
        if (search.officialId() != null || search.locationCode() != null || search.kind() != null
                || search.words() != null || !wholeMonths(search.from(), search.to())) {
            return Optional.empty();
        }
        boolean pair = search.countryCode() != null || search.counterpartCode() != null;
        boolean area = search.areaCode() != null;
        boolean days = search.from() != null || search.to() != null;
        if (search.organizationId() != null) {
            return pair || area ? Optional.empty()
                    : Optional.of(byMonth(ORGANIZATION, search.from() != null, search.to() != null));
        }
        if (pair && area) {
            return days ? Optional.empty() : Optional.of(PAIR_AND_AREA);
        }
        if (!pair && !area) {
            return Optional.of(byMonth(EVERY_MEETING, search.from() != null, search.to() != null));
        }
        return Optional.of(byMonth(pair ? PAIR : AREA, search.from() != null, search.to() != null));
    }

    /**
     * All the key's meetings (by {@code where}, a pair's, an area's, or all), but those ending before
     * {@code from} and those starting after {@code to}.
     */
    private static String byMonth(String where, boolean from, boolean to) {
        return "(select coalesce(sum(starting), 0)"
                + (from ? " - coalesce(sum(ending) filter (where month < cast(:from as date)), 0)" : "")
                + (to ? " - coalesce(sum(starting) filter (where month > cast(:to as date)), 0)" : "")
                + " from " + where + ")";
    }

    private static boolean wholeMonths(@Nullable LocalDate from, @Nullable LocalDate to) {
        return (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.getDayOfMonth() == to.lengthOfMonth());
    }
}
