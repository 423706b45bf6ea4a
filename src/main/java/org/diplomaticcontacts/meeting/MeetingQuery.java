package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diplomaticcontacts.shared.SqlConditions;
import org.jspecify.annotations.Nullable;

/**
 * The FROM, WHERE and ORDER BY of a meeting search, planned around its most selective filter so
 * that what a search reads follows the number of its matches, not the size of the registry.
 * <p>
 * A country (or country pair) is looked up in {@code meeting_country_pairs}, an area (with its
 * sub-areas) in {@code meeting_area_tree}, an area with one country in
 * {@code meeting_area_countries} (V24), an organization in {@code meeting_organizations} (V30),
 * an official in {@code meeting_officials} (V38); these rows carry the meeting's days, so that the day
 * filter, the date order and the count are answered from their indexes without reading the
 * meetings. The other filters are checked on the rows
 * they give, and the meeting row itself is joined only when a filter or the order needs it.
 */
final class MeetingQuery {

    /**
     * Where the matches come from: rows aliased {@code f}, or the meetings {@code m} themselves.
     * {@code id} is the matching meeting's id; {@code dates} the alias whose {@code date_start}
     * and {@code date_end} are its days.
     */
    private enum Driver {
        AREA_COUNTRIES("meeting_area_countries f", "f.meeting_id", "f"),
        COUNTRY_PAIRS("meeting_country_pairs f", "f.meeting_id", "f"),
        ORGANIZATION("meeting_organizations f", "f.meeting_id", "f"),
        AREA_TREE("meeting_area_tree f", "f.meeting_id", "f"),
        OFFICIAL("meeting_officials f", "f.meeting_id", "f"),
        /** The search documents, which carry the meeting's days (V27): ranking needs nothing else. */
        SEARCH("meeting_search ms", "ms.meeting_id", "ms"),
        MEETINGS("meetings m", "m.id", "m");

        final String table;
        final String id;
        final String dates;

        Driver(String table, String id, String dates) {
            this.table = table;
            this.id = id;
            this.dates = dates;
        }

        /** Two different countries: a pair, which an organization (of one country) rarely narrows. */
        private static boolean twoCountries(MeetingSearch search) {
            return search.countryCode() != null && search.counterpartCode() != null
                    && !search.countryCode().equals(search.counterpartCode());
        }

        private static boolean anyCountry(MeetingSearch search) {
            return search.countryCode() != null || search.counterpartCode() != null;
        }

        boolean readsMeetings() {
            return dates.equals("m");
        }

        /**
         * The filter that usually narrows a search most, through an index of its own: an official
         * (tens of meetings), then a pair of countries, then an organization (the officials of one
         * institution), then an area with one country, then one country, then an area, then the words.
         */
        static Driver of(MeetingSearch search) {
            return search.officialId() != null ? OFFICIAL
                    : twoCountries(search) ? COUNTRY_PAIRS
                    : search.organizationId() != null ? ORGANIZATION
                    // past a pair: any country is one country, the pair (c, c)
                    : search.areaCode() != null && anyCountry(search) ? AREA_COUNTRIES
                    : anyCountry(search) ? COUNTRY_PAIRS
                    : search.areaCode() != null ? AREA_TREE
                    : search.words() != null ? SEARCH
                    : MEETINGS;
        }
    }

    /** The longest meeting's span in days, from an index of V23. */
    private static final String LONGEST_SPAN = "(select max(date_end - date_start) from meetings)";

    private final Driver driver;
    private final SqlConditions where = new SqlConditions();
    private final boolean conditionsNeedMeeting;
    private final boolean searchesWords;
    private final Optional<String> counted;

    private MeetingQuery(MeetingSearch search) {
        driver = Driver.of(search);
        counted = MeetingTotal.counted(search);
        conditionsNeedMeeting = search.locationCode() != null || search.kind() != null;
        searchesWords = search.words() != null;
        addCountries(search.countryCode(), search.counterpartCode());
        addArea(search.areaCode());
        addOfficial(search.officialId());
        addOrganization(search.organizationId());
        where.when(search.locationCode(), "location", "m.location_country = :location")
                .when(search.kind() == null ? null : search.kind().name(), "kind", "m.kind = :kind")
                .when(search.words(), "words", "ms.words @@ (select query from words)");
        addDays(search.from(), search.to());
    }

    /** The pairs hold each involved country with itself too: one country alone is the pair (c, c). */
    private void addCountries(@Nullable String country, @Nullable String counterpart) {
        if (country == null && counterpart == null) {
            return;
        }
        where.condition(switch (driver) {
            case COUNTRY_PAIRS -> "f.country_code = :country and f.counterpart_code = :counterpart";
            // one country: :country and :counterpart are both its code
            case AREA_COUNTRIES -> "f.country_code = :country";
            default -> "exists (select 1 from meeting_country_pairs c where c.meeting_id = " + id()
                    + " and c.country_code = :country and c.counterpart_code = :counterpart)";
        })
                .parameter("country", country != null ? country : counterpart)
                .parameter("counterpart", counterpart != null ? counterpart : country);
    }

    /** A participant held a post in the organization on the meeting's days (V30 keeps the rows). */
    private void addOrganization(@Nullable Long organization) {
        where.when(organization, "organization", driver == Driver.ORGANIZATION ? "f.organization_id = :organization"
                : "exists (select 1 from meeting_organizations o where o.meeting_id = " + id()
                        + " and o.organization_id = :organization)");
    }

    private void addArea(@Nullable String area) {
        where.when(area, "area", driver == Driver.AREA_TREE || driver == Driver.AREA_COUNTRIES ? "f.area_code = :area"
                : "exists (select 1 from meeting_area_tree a where a.meeting_id = " + id()
                        + " and a.area_code = :area)");
    }

    /** An official, when asked for, always drives the search. */
    private void addOfficial(@Nullable Long official) {
        where.when(official, "official", "f.official_id = :official");
    }

    /** The search of {@code GET /meetings}. */
    static MeetingQuery of(MeetingSearch search) {
        return new MeetingQuery(search);
    }

    /**
     * The WITH clause the search's statement starts with, ending in {@code more} common table
     * expressions: {@code q} turned into a full-text query once, as {@code words}, which the
     * condition and the relevance order both use.
     */
    String with(String... more) {
        List<String> expressions = new ArrayList<>(more.length + 1);
        if (searchesWords) {
            expressions.add("words as materialized (select search_query(:words) as query)");
        }
        expressions.addAll(List.of(more));
        return expressions.isEmpty() ? "" : "with " + String.join(", ", expressions);
    }

    /** The meeting id of a match. */
    String id() {
        return driver.id;
    }

    /**
     * The tables of the search; with {@code meetingRow}, the meeting {@code m} is joined even when
     * no filter needs it (for an order by title, or to read its columns).
     */
    String from(boolean meetingRow) {
        String from = "from " + driver.table;
        if (!driver.readsMeetings() && (meetingRow || conditionsNeedMeeting)) {
            from += " join meetings m on m.id = " + id();
        }
        if (searchesWords && driver != Driver.SEARCH) {
            from += " join meeting_search ms on ms.meeting_id = " + id();
        }
        return from;
    }

    String where() {
        return where.where();
    }

    /** The number of matches, as a scalar SQL expression: from the counters when they keep the filters. */
    String total() {
        return counted.orElseGet(() -> "(select count(*) " + from(false) + " " + where() + ")");
    }

    /**
     * Whether the page's own pass reads every match before the first is known, and so can count
     * them too: by relevance every match is ranked. In the other orders the page stops at its last
     * row (read in order from an index, or the top of a bounded sort), and a full page is counted apart.
     */
    boolean pageReadsEveryMatch(MeetingSort sort) {
        return sort == MeetingSort.RELEVANCE_DESC;
    }

    SqlConditions conditions() {
        return where;
    }

    /** The ORDER BY expressions of {@code sort} over this search's rows. */
    String orderBy(MeetingSort sort) {
        return sort.orderBy(id(), driver.dates);
    }

    /** The values {@code sort} compares, as the columns {@link MeetingSort#keyColumns} names. */
    String keyColumns(MeetingSort sort) {
        return sort.keyColumns(id(), driver.dates);
    }

    /**
     * {@code from}, {@code to}: the meeting's days overlap theirs (it ends no earlier than
     * {@code from} and starts no later than {@code to}); a missing end is open. Beside that, a
     * meeting overlapping {@code from} starts no earlier than {@code from} minus the longest
     * meeting's span (V23's {@code meetings_span_idx}), so both bounds are on {@code date_start}
     * and the date-ordered indexes are read only around the asked days, in order. Plain
     * comparisons, not a range overlap: the planner estimates them well, where it took a year's
     * 4,337 overlapping meetings (of 100,000) for 22 and sorted them all for a page (V33).
     */
    private void addDays(@Nullable LocalDate from, @Nullable LocalDate to) {
        String dates = driver.dates;
        if (from != null) {
            where.condition(dates + ".date_end >= cast(:from as date)")
                    .condition(dates + ".date_start >= cast(:from as date) - " + LONGEST_SPAN)
                    .parameter("from", from);
        }
        if (to != null) {
            where.condition(dates + ".date_start <= cast(:to as date)").parameter("to", to);
        }
    }
}
