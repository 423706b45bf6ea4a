package org.diplomaticcontacts.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.diplomaticcontacts.shared.StorableDay;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns history.state.gov records into meetings to write, resolving the publisher's country
 * slugs (a former state's name under its successor's slug, up to the state's last day) and
 * naming every problem of every record, so that a file is written whole or not at all.
 */
@Component
class HsgPlanner {

    private static final String SITE = "https://history.state.gov/departmenthistory/";
    private static final String PRESIDENT = "President of the United States";
    private static final String SECRETARY = "Secretary of State";

    /** The meetings to write, or, with any rejected record, the reasons nothing is written. */
    record Plan(List<HsgMeeting> meetings, List<ImportReport.Rejected> rejected) {
    }

    /** A former state's name under its successor's slug, valid up to the state's last day. */
    private record FormerName(String countryCode, LocalDate lastDay) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, String[]> presidentTerms;

    HsgPlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        try (InputStream presidents = new ClassPathResource("history-state-gov/presidents.xml").getInputStream()) {
            this.presidentTerms = HsgXml.presidentTerms(presidents);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    Plan plan(List<HsgRecord> records) {
        Map<String, String> slugs = new HashMap<>();
        jdbc.query("select slug, country_code from hsg_country_slugs",
                row -> { slugs.put(row.getString(1), row.getString(2)); });
        Map<String, FormerName> names = new HashMap<>();
        jdbc.query("select slug, name, country_code, last_day from hsg_country_names",
                row -> { names.put(row.getString(1) + "|" + row.getString(2),
                        new FormerName(row.getString(3), row.getObject(4, LocalDate.class))); });

        List<HsgMeeting> meetings = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (HsgRecord record : records) {
            List<String> errors = new ArrayList<>();
            HsgMeeting meeting = plan(record, slugs, names, errors);
            if (!seenIds.add(record.externalId())) {
                errors.add("id " + record.id() + " appears twice in the file");
            }
            if (errors.isEmpty() && meeting != null) {
                meetings.add(meeting);
            } else {
                rejected.add(new ImportReport.Rejected(record.kind().name().toLowerCase(Locale.ROOT),
                        record.externalId(), record.index(), errors));
            }
        }
        return new Plan(meetings, rejected);
    }

    private @Nullable HsgMeeting plan(HsgRecord record, Map<String, String> slugs, Map<String, FormerName> names,
            List<String> errors) {
        if (record.id() == null) {
            errors.add("no <id>");
        }
        LocalDate start = day(record.startDate(), "start-date", errors);
        LocalDate end = day(record.endDate(), "end-date", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("end-date " + end + " is before start-date " + start);
        }
        String country = null;
        if (record.countrySlug() == null) {
            errors.add("no country slug");
        } else {
            FormerName former = names.get(record.countrySlug() + "|" + record.countryName());
            country = former != null && start != null && !start.isAfter(former.lastDay()) ? former.countryCode()
                    : slugs.get(record.countrySlug());
            if (country == null) {
                errors.add("unknown country slug '" + record.countrySlug() + "' (" + record.countryName() + ")");
            }
        }
        if (record.people() == null) {
            errors.add(record.kind() == HsgRecord.Kind.VISIT ? "no <visitor>" : "no traveller <name>");
        }
        String travellerTitle = null;
        if (record.kind() == HsgRecord.Kind.TRIP) {
            travellerTitle = "president".equals(record.role()) ? PRESIDENT
                    : "secretary".equals(record.role()) ? SECRETARY : null;
            if (travellerTitle == null) {
                errors.add("unknown traveller role '" + record.role() + "'");
            }
            if (record.who() == null) {
                errors.add("no traveller slug (who)");
            }
        }
        if (!errors.isEmpty() || start == null || end == null || country == null || record.people() == null) {
            return null;
        }
        String dateText = start.equals(end) ? start.toString() : start + "/" + end;
        return record.kind() == HsgRecord.Kind.VISIT
                ? visit(record, record.people(), country, dateText, start, end)
                : trip(record, record.people(), travellerTitle, country, dateText, start, end);
    }

    /** Visitors to the United States, each for the country they came from. */
    private static HsgMeeting visit(HsgRecord record, String visitors, String country, String dateText,
            LocalDate start, LocalDate end) {
        List<HsgMeeting.Holder> people = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (HsgPeople.Person person : HsgPeople.parse(visitors)) {
            people.add(new HsgMeeting.Holder(HsgPeople.externalId(person.name(), country), person.name(), country,
                    person.title(), start, end));
            countries.add(country);
        }
        String title = "Visit of " + visitors + " (" + record.countryName() + ") to the United States";
        return new HsgMeeting(record, record.externalId(), shorten(title, 500), shorten(record.text(), 20000),
                dateText, start, end, null, "US", people, countries, SITE + "visits/" + record.countrySlug());
    }

    /** A president's or secretary's trip abroad; a president holds the post for their whole term. */
    private HsgMeeting trip(HsgRecord record, String traveller, @Nullable String travellerTitle, String country,
            String dateText, LocalDate start, LocalDate end) {
        LocalDate termStart = null;
        LocalDate termEnd = null;
        String[] term = PRESIDENT.equals(travellerTitle) ? presidentTerms.get(record.who()) : null;
        if (term != null) {
            termStart = term[0] == null || term[0].isEmpty() ? null : LocalDate.parse(term[0]);
            termEnd = term[1] == null || term[1].isEmpty() ? null : LocalDate.parse(term[1]);
        }
        List<HsgMeeting.Holder> people = List.of(new HsgMeeting.Holder(HsgPeople.externalId(traveller, "US"),
                traveller, "US", travellerTitle, termStart, termEnd));
        String place = record.locale() == null ? record.countryName() : record.locale() + ", " + record.countryName();
        String title = travellerTitle + " " + traveller + " in " + place;
        String path = PRESIDENT.equals(travellerTitle) ? "travels/president/" : "travels/secretary/";
        return new HsgMeeting(record, record.externalId(), shorten(title, 500), shorten(record.text(), 20000),
                dateText, start, end, shorten(record.locale(), 200), country, people, List.of("US"),
                SITE + path + record.who());
    }

    private static @Nullable LocalDate day(@Nullable String text, String field, List<String> errors) {
        if (text == null) {
            errors.add("no <" + field + ">");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (StorableDay.Check.storable(day)) {
                return day;
            }
        } catch (DateTimeParseException exception) {
            // reported below
        }
        errors.add("<" + field + "> '" + text + "' is not a day (YYYY-MM-DD) of the years 0001 to 9999");
        return null;
    }

    private static @Nullable String shorten(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
