package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The total of a search read from the counters of migrations V24, V30, V32 and V35, when its filters
 * are ones they keep: a country or pair, an area, or both, or an organization alone, over whole
 * months; or days alone, over any days. Such a total costs a few hundred counters whether it is
 * ten meetings or a million; any other search counts its matches.
 * <p>
 * The counters are by the month a meeting starts and the month it ends, so the meetings
 * overlapping {@code from}/{@code to} are those starting no later than {@code to} less those
 * ending before {@code from}: exact from the counters alone when {@code from} is the first day of
 * a month and {@code to} the last, as for a year or a month. A pair and an area together are kept
 * for all time only.
 */
final class MeetingTotal {

    private static final String PAIR = "country_pair_months where country_code = least(:country, :counterpart)"
            + " and counterpart_code = greatest(:country, :counterpart)";

    private static final String AREA = "area_months where area_code = :area";

    private static final String ORGANIZATION = "organization_months where organization_id = :organization";

    // every row (no key), as a where clause all the same, which byMonth's bound on the months extends
    private static final String EVERY_MEETING = "meeting_months where true";

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
                || search.words() != null) {
            return Optional.empty();
        }
        boolean pair = search.countryCode() != null || search.counterpartCode() != null;
        boolean area = search.areaCode() != null;
        if (search.organizationId() == null && !pair && !area) {
            return Optional.of(byMonth(EVERY_MEETING, search.from(), search.to()));
        }
        if (!wholeMonths(search.from(), search.to())) {
            return Optional.empty();
        }
        boolean days = search.from() != null || search.to() != null;
        if (search.organizationId() != null) {
            return pair || area ? Optional.empty()
                    : Optional.of(byMonth(ORGANIZATION, search.from(), search.to()));
        }
        if (pair && area) {
            return days ? Optional.empty() : Optional.of(PAIR_AND_AREA);
        }
        return Optional.of(byMonth(pair ? PAIR : AREA, search.from(), search.to()));
    }

    /**
     * The key's meetings (by {@code where}: a pair's, an area's, an organization's or every
     * meeting's counters) overlapping {@code from}/{@code to}: those starting no later than
     * {@code to}, less those ending before {@code from}. The whole months before either day are
     * summed from the counters by month; the days of a month that {@code from} or {@code to}
     * cuts, from every meeting's counters by day (V35), at most 31 of them on each side: only for
     * every meeting, as a key's counters are used over whole months only.
     */
    private static String byMonth(String where, @Nullable LocalDate from, @Nullable LocalDate to) {
        // the months read end with to's (below), so when to ends its month they all count
        String startingByTo = to == null || to.getDayOfMonth() == to.lengthOfMonth()
                ? "coalesce(sum(starting), 0)"
                : "coalesce(sum(starting) filter (where month < " + monthOf(":to") + "), 0)"
                        + " + (select coalesce(sum(starting), 0) from meeting_days where day >= "
                        + monthOf(":to") + " and day <= cast(:to as date))";
        String endingBeforeFrom = from == null ? ""
                : from.getDayOfMonth() == 1
                        ? " - coalesce(sum(ending) filter (where month < cast(:from as date)), 0)"
                        : " - coalesce(sum(ending) filter (where month < " + monthOf(":from") + "), 0)"
                                + " - (select coalesce(sum(ending), 0) from meeting_days where day >= "
                                + monthOf(":from") + " and day < cast(:from as date))";
        // No month after to counts (from is never after to), and reading them cost as much as the rest:
        // at 1M, a pair's total for 2004 read all its 416 months (0.24-0.31 ms); its 165 up to 2004, 0.15-0.17 ms.
        String upToTo = to == null ? "" : " and month <= cast(:to as date)";
        return "(select " + startingByTo + endingBeforeFrom + " from " + where + upToTo + ")";
    }

    /** The first day of the month of the day parameter {@code parameter}. */
    private static String monthOf(String parameter) {
        return "cast(date_trunc('month', cast(" + parameter + " as timestamp)) as date)";
    }

    private static boolean wholeMonths(@Nullable LocalDate from, @Nullable LocalDate to) {
        return (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.getDayOfMonth() == to.lengthOfMonth());
    }
}
