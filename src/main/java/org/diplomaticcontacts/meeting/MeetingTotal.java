package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The total of a search read from the counters of migrations V24, V30 and V32, when its filters
 * are ones they keep: a country or pair, an area, or both, or an organization alone, over whole
 * months; or days alone, over any days. Such a total costs a few hundred counters whether it is
 * ten meetings or a million; any other search counts its matches.
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
                || search.words() != null) {
            return Optional.empty();
        }
        boolean pair = search.countryCode() != null || search.counterpartCode() != null;
        boolean area = search.areaCode() != null;
        if (search.organizationId() == null && !pair && !area) {
            return Optional.of(everyMeeting(search.from(), search.to()));
        }
        if (!wholeMonths(search.from(), search.to())) {
            return Optional.empty();
        }
        boolean days = search.from() != null || search.to() != null;
        if (search.organizationId() != null) {
            return pair || area ? Optional.empty()
                    : Optional.of(byMonth(ORGANIZATION, search.from() != null, search.to() != null));
        }
        if (pair && area) {
            return days ? Optional.empty() : Optional.of(PAIR_AND_AREA);
        }
        return Optional.of(byMonth(pair ? PAIR : AREA, search.from() != null, search.to() != null));
    }

    /**
     * All meetings overlapping {@code from}/{@code to}, on any days: those starting no later than
     * {@code to}, less those ending before {@code from}. The whole months before either day are
     * read from V32's counters; the days of the month a {@code from} or {@code to} cuts, from the
     * meetings' own indexes of start and end days (V33, V3), so that the total of any window costs
     * at most two months' index entries, however long the meetings or the window.
     */
    private static String everyMeeting(@Nullable LocalDate from, @Nullable LocalDate to) {
        String startingByTo = to == null ? "coalesce(sum(starting), 0)"
                : to.getDayOfMonth() == to.lengthOfMonth()
                        ? "coalesce(sum(starting) filter (where month <= cast(:to as date)), 0)"
                        : "coalesce(sum(starting) filter (where month < " + monthOf(":to") + "), 0)"
                                + " + (select count(*) from meetings where date_start >= " + monthOf(":to")
                                + " and date_start <= cast(:to as date))";
        String endingBeforeFrom = from == null ? ""
                : from.getDayOfMonth() == 1
                        ? " - coalesce(sum(ending) filter (where month < cast(:from as date)), 0)"
                        : " - coalesce(sum(ending) filter (where month < " + monthOf(":from") + "), 0)"
                                + " - (select count(*) from meetings where date_end >= " + monthOf(":from")
                                + " and date_end < cast(:from as date))";
        return "(select " + startingByTo + endingBeforeFrom + " from " + EVERY_MEETING + ")";
    }

    /** The first day of the month of the day parameter {@code parameter}. */
    private static String monthOf(String parameter) {
        return "cast(date_trunc('month', cast(" + parameter + " as timestamp)) as date)";
    }

    /**
     * All the key's meetings (by {@code where}, a pair's, an area's or an organization's), but those ending before
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
