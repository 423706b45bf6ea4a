package org.diplomaticcontacts.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes history.state.gov meetings by their publisher id: creates the new ones, rewrites those
 * whose row, participants or source changed (and traces each write in the change history), and
 * leaves the rest alone, so that importing a file again changes nothing.
 */
@Component
class HsgMeetings {

    private record ExistingMeeting(long id, String signature) {
    }

    private record Participant(long officialId, @Nullable String role, String country) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BulkWrites bulk;
    private final ImportHistory history;

    HsgMeetings(JdbcTemplate jdbc, JsonMapper json, BulkWrites bulk, ImportHistory history) {
        this.jdbc = jdbc;
        this.json = json;
        this.bulk = bulk;
        this.history = history;
    }

    /**
     * Writes {@code meetings}, whose people have the ids {@code officialIds} gives under their keys.
     * Those already in the registry are locked since {@link HsgOfficials} read them, more strongly
     * than a link needs ({@link BulkWrites#lockRecords}), so their links need no lock of their own.
     */
    ImportReport write(List<HsgMeeting> meetings, Map<String, Long> officialIds, ImportReport.Counts officials) {
        Map<String, ExistingMeeting> existing = existing(meetings);
        List<HsgMeeting> toCreate = new ArrayList<>();
        List<HsgMeeting> toUpdate = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        for (HsgMeeting meeting : meetings) {
            ExistingMeeting stored = existing.get(meeting.externalId());
            if (stored == null) {
                toCreate.add(meeting);
            } else if (!stored.signature().equals(signature(meeting.title(), meeting.summary(), meeting.dateText(),
                    meeting.city(), meeting.locationCountry(), participants(meeting, officialIds), sources(meeting)))) {
                toUpdate.add(meeting);
                updateIds.add(stored.id());
            }
        }
        List<Long> newIds = bulk.nextIds("meetings", toCreate.size());
        List<Object[]> inserts = new ArrayList<>();
        for (int index = 0; index < toCreate.size(); index++) {
            HsgMeeting meeting = toCreate.get(index);
            inserts.add(new Object[] {newIds.get(index), meeting.title(), meeting.summary(), meeting.dateText(),
                    BulkWrites.sqlDate(meeting.start()), BulkWrites.sqlDate(meeting.end()), meeting.city(),
                    meeting.locationCountry(), meeting.externalId()});
        }
        jdbc.batchUpdate("""
                insert into meetings (id, kind, title, summary, date_text, date_start, date_end, location_city,
                                      location_country, external_id)
                values (?, 'VISIT', ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts);
        List<Object[]> updates = new ArrayList<>();
        for (int index = 0; index < toUpdate.size(); index++) {
            HsgMeeting meeting = toUpdate.get(index);
            updates.add(new Object[] {meeting.title(), meeting.summary(), meeting.dateText(),
                    BulkWrites.sqlDate(meeting.start()), BulkWrites.sqlDate(meeting.end()), meeting.city(),
                    meeting.locationCountry(), updateIds.get(index)});
        }
        jdbc.batchUpdate("""
                update meetings set kind = 'VISIT', title = ?, summary = ?, date_text = ?, date_start = ?, date_end = ?,
                       location_city = ?, location_country = ?, version = version + 1, updated_at = now()
                where id = ?
                """, updates);
        List<Object[]> cleared = updateIds.stream().map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("delete from meeting_participants where meeting_id = ?", cleared);
        jdbc.batchUpdate("delete from meeting_sources where meeting_id = ?", cleared);

        List<HsgMeeting> written = new ArrayList<>(toCreate);
        written.addAll(toUpdate);
        List<Long> writtenIds = new ArrayList<>(newIds);
        writtenIds.addAll(updateIds);
        writeChildren(written, writtenIds, toCreate.size(), officialIds);
        bulk.refresh("refresh_meeting_search", "bigint", writtenIds);
        bulk.refresh("refresh_changed_meeting_documents", "bigint", writtenIds);
        return new ImportReport(toCreate.size(), toUpdate.size(), meetings.size() - toCreate.size() - toUpdate.size(),
                List.of(), officials);
    }

    /** The meetings of earlier imports, by publisher id, each with the signature of what it says now. */
    private Map<String, ExistingMeeting> existing(List<HsgMeeting> meetings) {
        Map<String, ExistingMeeting> existing = new HashMap<>();
        String[] keys = meetings.stream().map(HsgMeeting::externalId).toArray(String[]::new);
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
        return existing;
    }

    /** Participants, the source and a change-history entry of each meeting written, the first {@code created} new. */
    private void writeChildren(List<HsgMeeting> written, List<Long> writtenIds, int created,
            Map<String, Long> officialIds) {
        List<Object[]> participantRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        List<Object[]> historyRows = new ArrayList<>();
        String actor = ImportHistory.actor();
        for (int index = 0; index < written.size(); index++) {
            HsgMeeting meeting = written.get(index);
            long id = writtenIds.get(index);
            List<Participant> participants = participantsOf(meeting, officialIds);
            for (int position = 0; position < participants.size(); position++) {
                Participant participant = participants.get(position);
                participantRows.add(new Object[] {id, position, participant.officialId(), participant.role(),
                        participant.country()});
            }
            sourceRows.add(new Object[] {id, 0, meeting.sourceUrl(), HsgMeeting.PUBLISHER, meeting.note()});
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("externalId", meeting.externalId());
            after.put("title", meeting.title());
            after.put("date", meeting.dateText());
            after.put("importedFrom", meeting.sourceUrl());
            historyRows.add(new Object[] {"meeting", id, index < created ? "CREATE" : "UPDATE", actor,
                    index < created ? null : "{\"importedFrom\": \"history-state-gov\"}",
                    json.writeValueAsString(after)});
        }
        jdbc.batchUpdate("""
                insert into meeting_participants (meeting_id, list_index, official_id, role, country_code)
                values (?, ?, ?, ?, ?)
                """, participantRows);
        jdbc.batchUpdate("""
                insert into meeting_sources (meeting_id, list_index, url, publisher, note) values (?, ?, ?, ?, ?)
                """, sourceRows);
        history.write(historyRows);
    }

    /** Everything a meeting row and its children say, as one comparable string. */
    private static String signature(String title, @Nullable String summary, String dateText, @Nullable String city,
            @Nullable String country, String participants, String sources) {
        return String.join("\u0001", title, Objects.toString(summary, ""), dateText, Objects.toString(city, ""),
                Objects.toString(country, ""), participants, sources);
    }

    private static String participants(HsgMeeting meeting, Map<String, Long> officialIds) {
        StringBuilder text = new StringBuilder();
        for (Participant participant : participantsOf(meeting, officialIds)) {
            text.append(participant.officialId()).append('|').append(Objects.toString(participant.role(), ""))
                    .append('|').append(participant.country()).append(';');
        }
        return text.toString();
    }

    /** The people of a record, each once (a name written twice in one visitor text is one person). */
    private static List<Participant> participantsOf(HsgMeeting meeting, Map<String, Long> officialIds) {
        List<Participant> participants = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int index = 0; index < meeting.people().size(); index++) {
            HsgMeeting.Holder holder = meeting.people().get(index);
            long id = officialIds.get(holder.externalId());
            if (seen.add(id)) {
                participants.add(new Participant(id, holder.title(), meeting.participantCountries().get(index)));
            }
        }
        return participants;
    }

    private static String sources(HsgMeeting meeting) {
        return meeting.sourceUrl() + "|" + HsgMeeting.PUBLISHER + "|" + meeting.note() + ";";
    }
}
