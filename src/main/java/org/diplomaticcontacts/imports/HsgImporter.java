package org.diplomaticcontacts.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imports one history.state.gov file: each visit or trip becomes a meeting of kind VISIT, each
 * person an official matched by a folded name key. Everything is checked before anything is
 * written; then the writes go in batches, in one transaction.
 */
@Service
class HsgImporter {

    private static final Logger log = LoggerFactory.getLogger(HsgImporter.class);

    static final String PUBLISHER = "Office of the Historian, U.S. Department of State";
    private static final String SITE = "https://history.state.gov/departmenthistory/";
    private static final String PRESIDENT = "President of the United States";
    private static final String SECRETARY = "Secretary of State";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BulkWrites bulk;
    private final Map<String, String[]> presidentTerms;

    HsgImporter(JdbcTemplate jdbc, JsonMapper json, BulkWrites bulk) {
        this.jdbc = jdbc;
        this.json = json;
        this.bulk = bulk;
        try (InputStream presidents = new ClassPathResource("history-state-gov/presidents.xml").getInputStream()) {
            this.presidentTerms = HsgXml.presidentTerms(presidents);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** A person of one record, with the post the record shows them in. */
    private record Holder(String externalId, String name, String countryCode, @Nullable String title,
            @Nullable LocalDate start, @Nullable LocalDate end) {
    }

    /** A record resolved and checked, ready to write. */
    private record Planned(HsgRecord source, String externalId, String title, @Nullable String summary,
            String dateText, LocalDate start, LocalDate end, @Nullable String city, String locationCountry,
            List<Holder> people, List<String> participantCountries, String sourceUrl) {
    }

    /** A former state's name under its successor's slug, valid up to the state's last day. */
    private record FormerName(String countryCode, LocalDate lastDay) {
    }

    private record ExistingOfficial(long id, String fullName, Set<String> aliases, Set<String> positions,
            int nextIndex) {
    }

    private record ExistingMeeting(long id, String signature) {
    }

    @Transactional
    public ImportReport importFile(InputStream body) {
        long started = System.nanoTime();
        List<HsgRecord> records = HsgXml.records(body);
        long parsed = System.nanoTime();
        Map<String, String> slugs = new HashMap<>();
        jdbc.query("select slug, country_code from hsg_country_slugs",
                row -> { slugs.put(row.getString(1), row.getString(2)); });
        Map<String, FormerName> names = new HashMap<>();
        jdbc.query("select slug, name, country_code, last_day from hsg_country_names",
                row -> { names.put(row.getString(1) + "|" + row.getString(2),
                        new FormerName(row.getString(3), row.getObject(4, LocalDate.class))); });

        List<Planned> plans = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (HsgRecord record : records) {
            List<String> errors = new ArrayList<>();
            Planned plan = plan(record, slugs, names, errors);
            if (!seenIds.add(record.externalId())) {
                errors.add("id " + record.id() + " appears twice in the file");
            }
            if (errors.isEmpty() && plan != null) {
                plans.add(plan);
            } else {
                rejected.add(new ImportReport.Rejected(record.kind().name().toLowerCase(Locale.ROOT), record.externalId(),
                        record.index(), errors));
            }
        }
        if (!rejected.isEmpty()) {
            return ImportReport.rejecting(rejected);
        }
        long planned = System.nanoTime();
        // the derived rows of what this import writes are rebuilt once, below, not per statement
        bulk.begin();
        Map<String, Long> officialIds = new HashMap<>();
        ImportReport.Counts officials = writeOfficials(plans, officialIds);
        long peopleWritten = System.nanoTime();
        ImportReport report = writeMeetings(plans, officialIds, officials);
        log.info("history.state.gov import of {} records: parse {} ms, plan {} ms, officials {} ms, meetings {} ms",
                records.size(), (parsed - started) / 1_000_000, (planned - parsed) / 1_000_000,
                (peopleWritten - planned) / 1_000_000, (System.nanoTime() - peopleWritten) / 1_000_000);
        return report;
    }

    private @Nullable Planned plan(HsgRecord record, Map<String, String> slugs, Map<String, FormerName> names,
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
        List<Holder> people = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        if (record.kind() == HsgRecord.Kind.VISIT) {
            for (HsgPeople.Person person : HsgPeople.parse(record.people())) {
                people.add(new Holder(HsgPeople.externalId(person.name(), country), person.name(), country,
                        person.title(), start, end));
                countries.add(country);
            }
            String title = "Visit of " + record.people() + " (" + record.countryName() + ") to the United States";
            return new Planned(record, record.externalId(), shorten(title, 500), shorten(record.text(), 20000),
                    dateText, start, end, null, "US", people, countries,
                    SITE + "visits/" + record.countrySlug());
        }
        LocalDate termStart = null;
        LocalDate termEnd = null;
        String[] term = PRESIDENT.equals(travellerTitle) ? presidentTerms.get(record.who()) : null;
        if (term != null) {
            termStart = term[0] == null || term[0].isEmpty() ? null : LocalDate.parse(term[0]);
            termEnd = term[1] == null || term[1].isEmpty() ? null : LocalDate.parse(term[1]);
        }
        people.add(new Holder(HsgPeople.externalId(record.people(), "US"), record.people(), "US", travellerTitle,
                termStart, termEnd));
        countries.add("US");
        String place = record.locale() == null ? record.countryName() : record.locale() + ", " + record.countryName();
        String title = travellerTitle + " " + record.people() + " in " + place;
        String path = PRESIDENT.equals(travellerTitle) ? "travels/president/" : "travels/secretary/";
        return new Planned(record, record.externalId(), shorten(title, 500), shorten(record.text(), 20000), dateText,
                start, end, shorten(record.locale(), 200), country, people, countries, SITE + path + record.who());
    }

    private static @Nullable LocalDate day(@Nullable String text, String field, List<String> errors) {
        if (text == null) {
            errors.add("no <" + field + ">");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException exception) {
            errors.add("<" + field + "> '" + text + "' is not a day (YYYY-MM-DD)");
            return null;
        }
    }

    private static @Nullable String shorten(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String position(@Nullable String title, @Nullable LocalDate start, @Nullable LocalDate end) {
        return title + "|" + start + "|" + end;
    }

    /** Creates the people not yet known, adds new spellings as aliases and new posts as positions. */
    private ImportReport.Counts writeOfficials(List<Planned> plans, Map<String, Long> ids) {
        Map<String, List<Holder>> byKey = new LinkedHashMap<>();
        for (Planned plan : plans) {
            for (Holder holder : plan.people()) {
                byKey.computeIfAbsent(holder.externalId(), key -> new ArrayList<>()).add(holder);
            }
        }
        Map<String, ExistingOfficial> existing = existingOfficials(byKey.keySet());
        List<String> missing = byKey.keySet().stream().filter(key -> !existing.containsKey(key)).toList();
        List<Long> newIds = nextIds("officials", missing.size());

        List<Object[]> officialRows = new ArrayList<>();
        List<Object[]> aliasRows = new ArrayList<>();
        List<Object[]> positionRows = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        int created = 0;
        for (Map.Entry<String, List<Holder>> entry : byKey.entrySet()) {
            ExistingOfficial official = existing.get(entry.getKey());
            Holder first = entry.getValue().get(0);
            if (official == null) {
                long id = newIds.get(created++);
                officialRows.add(new Object[] {id, first.name(), first.countryCode(), entry.getKey()});
                official = new ExistingOfficial(id, first.name(), new HashSet<>(), new HashSet<>(), 0);
            }
            ids.put(entry.getKey(), official.id());
            int nextIndex = official.nextIndex();
            for (Holder holder : entry.getValue()) {
                if (!holder.name().equals(official.fullName()) && official.aliases().add(holder.name())) {
                    aliasRows.add(new Object[] {official.id(), holder.name()});
                    touched.add(official.id());
                }
                if (holder.title() != null
                        && official.positions().add(position(holder.title(), holder.start(), holder.end()))) {
                    positionRows.add(new Object[] {official.id(), nextIndex++, holder.title(), date(holder.start()),
                            date(holder.end())});
                    touched.add(official.id());
                }
            }
        }
        jdbc.batchUpdate("insert into officials (id, full_name, country_code, external_id) values (?, ?, ?, ?)",
                officialRows);
        jdbc.batchUpdate("insert into official_aliases (official_id, alias) values (?, ?)", aliasRows);
        jdbc.batchUpdate("""
                insert into positions (official_id, list_index, title, start_date, end_date) values (?, ?, ?, ?, ?)
                """, positionRows);
        Set<Long> createdIds = new HashSet<>(newIds);
        List<Object[]> updatedRows = touched.stream().filter(id -> !createdIds.contains(id))
                .map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("update officials set version = version + 1, updated_at = now() where id = ?", updatedRows);
        // names never change here: new aliases show in the search documents only (theirs and their meetings')
        touched.addAll(newIds);
        bulk.refresh("refresh_official_search", "bigint", touched);
        return new ImportReport.Counts(created, updatedRows.size(), byKey.size() - created - updatedRows.size());
    }

    private Map<String, ExistingOfficial> existingOfficials(Set<String> externalIds) {
        Map<String, ExistingOfficial> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        String[] keys = externalIds.toArray(String[]::new);
        Map<Long, String> keyById = new HashMap<>();
        jdbc.query("""
                select o.id, o.full_name, o.external_id,
                       coalesce((select max(p.list_index) + 1 from positions p where p.official_id = o.id), 0)
                from officials o where o.external_id = any (?)
                """, row -> {
            long id = row.getLong(1);
            keyById.put(id, row.getString(3));
            found.put(row.getString(3), new ExistingOfficial(id, row.getString(2), new HashSet<>(), new HashSet<>(),
                    row.getInt(4)));
        }, (Object) keys);
        if (keyById.isEmpty()) {
            return found;
        }
        Long[] officialIds = keyById.keySet().toArray(Long[]::new);
        jdbc.query("select official_id, alias from official_aliases where official_id = any (?)",
                row -> { found.get(keyById.get(row.getLong(1))).aliases().add(row.getString(2)); },
                (Object) officialIds);
        jdbc.query("select official_id, title, start_date, end_date from positions where official_id = any (?)",
                row -> {
                    Date start = row.getDate(3);
                    Date end = row.getDate(4);
                    found.get(keyById.get(row.getLong(1))).positions().add(position(row.getString(2),
                            start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate()));
                }, (Object) officialIds);
        return found;
    }

    private List<Long> nextIds(String table, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)",
                Long.class, table, count);
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** Everything a meeting row and its children say, as one comparable string. */
    private static String signature(String title, @Nullable String summary, String dateText, @Nullable String city,
            @Nullable String country, String participants, String sources) {
        return String.join("\u0001", title, Objects.toString(summary, ""), dateText, Objects.toString(city, ""),
                Objects.toString(country, ""), participants, sources);
    }

    private static String participants(Planned plan, Map<String, Long> officialIds) {
        StringBuilder text = new StringBuilder();
        for (Participant participant : participantsOf(plan, officialIds)) {
            text.append(participant.officialId()).append('|').append(Objects.toString(participant.role(), ""))
                    .append('|').append(participant.country()).append(';');
        }
        return text.toString();
    }

    private record Participant(long officialId, @Nullable String role, String country) {
    }

    /** The people of a record, each once (a name written twice in one visitor text is one person). */
    private static List<Participant> participantsOf(Planned plan, Map<String, Long> officialIds) {
        List<Participant> participants = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int index = 0; index < plan.people().size(); index++) {
            Holder holder = plan.people().get(index);
            long id = officialIds.get(holder.externalId());
            if (seen.add(id)) {
                participants.add(new Participant(id, holder.title(), plan.participantCountries().get(index)));
            }
        }
        return participants;
    }

    private static String sources(Planned plan) {
        return plan.sourceUrl() + "|" + PUBLISHER + "|" + note(plan) + ";";
    }

    private static String note(Planned plan) {
        return "history.state.gov " + plan.source().kind().name().toLowerCase(Locale.ROOT) + " " + plan.source().id();
    }

    private ImportReport writeMeetings(List<Planned> plans, Map<String, Long> officialIds,
            ImportReport.Counts officials) {
        Map<String, ExistingMeeting> existing = new HashMap<>();
        String[] keys = plans.stream().map(Planned::externalId).toArray(String[]::new);
        jdbc.query("""
                select m.id, m.external_id, m.title, m.summary, m.date_text, m.location_city, m.location_country,
                       coalesce((select string_agg(p.official_id || '|' || coalesce(p.role, '') || '|'
                                 || coalesce(p.country_code, '') || ';', '' order by p.list_index)
                                 from meeting_participants p where p.meeting_id = m.id), ''),
                       coalesce((select string_agg(s.url || '|' || coalesce(s.publisher, '') || '|'
                                 || coalesce(s.note, '') || ';', '' order by s.list_index)
                                 from meeting_sources s where s.meeting_id = m.id), '')
                from meetings m where m.external_id = any (?)
                """, row -> {
            existing.put(row.getString(2), new ExistingMeeting(row.getLong(1), signature(row.getString(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                    row.getString(9))));
        }, (Object) keys);

        List<Planned> toCreate = new ArrayList<>();
        List<Planned> toUpdate = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        for (Planned plan : plans) {
            ExistingMeeting meeting = existing.get(plan.externalId());
            if (meeting == null) {
                toCreate.add(plan);
            } else if (!meeting.signature().equals(signature(plan.title(), plan.summary(), plan.dateText(),
                    plan.city(), plan.locationCountry(), participants(plan, officialIds), sources(plan)))) {
                toUpdate.add(plan);
                updateIds.add(meeting.id());
            }
        }
        List<Long> newIds = nextIds("meetings", toCreate.size());
        List<Object[]> inserts = new ArrayList<>();
        for (int index = 0; index < toCreate.size(); index++) {
            Planned plan = toCreate.get(index);
            inserts.add(new Object[] {newIds.get(index), plan.title(), plan.summary(), plan.dateText(),
                    date(plan.start()), date(plan.end()), plan.city(), plan.locationCountry(), plan.externalId()});
        }
        jdbc.batchUpdate("""
                insert into meetings (id, kind, title, summary, date_text, date_start, date_end, location_city,
                                      location_country, external_id)
                values (?, 'VISIT', ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts);
        List<Object[]> updates = new ArrayList<>();
        for (int index = 0; index < toUpdate.size(); index++) {
            Planned plan = toUpdate.get(index);
            updates.add(new Object[] {plan.title(), plan.summary(), plan.dateText(), date(plan.start()),
                    date(plan.end()), plan.city(), plan.locationCountry(), updateIds.get(index)});
        }
        jdbc.batchUpdate("""
                update meetings set kind = 'VISIT', title = ?, summary = ?, date_text = ?, date_start = ?, date_end = ?,
                       location_city = ?, location_country = ?, version = version + 1, updated_at = now()
                where id = ?
                """, updates);
        List<Object[]> cleared = updateIds.stream().map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("delete from meeting_participants where meeting_id = ?", cleared);
        jdbc.batchUpdate("delete from meeting_sources where meeting_id = ?", cleared);

        List<Planned> written = new ArrayList<>(toCreate);
        written.addAll(toUpdate);
        List<Long> writtenIds = new ArrayList<>(newIds);
        writtenIds.addAll(updateIds);
        List<Object[]> participantRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        List<Object[]> historyRows = new ArrayList<>();
        String actor = actor();
        for (int index = 0; index < written.size(); index++) {
            Planned plan = written.get(index);
            long id = writtenIds.get(index);
            List<Participant> participants = participantsOf(plan, officialIds);
            for (int position = 0; position < participants.size(); position++) {
                Participant participant = participants.get(position);
                participantRows.add(new Object[] {id, position, participant.officialId(), participant.role(),
                        participant.country()});
            }
            sourceRows.add(new Object[] {id, 0, plan.sourceUrl(), PUBLISHER, note(plan)});
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("externalId", plan.externalId());
            after.put("title", plan.title());
            after.put("date", plan.dateText());
            after.put("importedFrom", plan.sourceUrl());
            historyRows.add(new Object[] {id, index < toCreate.size() ? "CREATE" : "UPDATE", actor,
                    index < toCreate.size() ? null : "{\"importedFrom\": \"history-state-gov\"}",
                    json.writeValueAsString(after)});
        }
        jdbc.batchUpdate("""
                insert into meeting_participants (meeting_id, list_index, official_id, role, country_code)
                values (?, ?, ?, ?, ?)
                """, participantRows);
        jdbc.batchUpdate("""
                insert into meeting_sources (meeting_id, list_index, url, publisher, note) values (?, ?, ?, ?, ?)
                """, sourceRows);
        jdbc.batchUpdate("""
                insert into change_history (record_type, record_id, action, actor, before, after)
                values ('meeting', ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                """, historyRows);
        bulk.refresh("refresh_meeting_search", "bigint", writtenIds);
        bulk.refresh("refresh_changed_meeting_documents", "bigint", writtenIds);
        return new ImportReport(toCreate.size(), toUpdate.size(), plans.size() - toCreate.size() - toUpdate.size(),
                List.of(), officials);
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "import" : authentication.getName();
    }
}
