package org.diplomaticcontacts.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.diplomaticcontacts.shared.DateRange;

/** The rows an import writes for its new and changed meetings, gathered for batched statements. */
final class MeetingRows {

    final List<Object[]> inserts = new ArrayList<>();
    final List<Object[]> updates = new ArrayList<>();
    final List<Object[]> cleared = new ArrayList<>();
    final List<Object[]> participants = new ArrayList<>();
    final List<Object[]> areas = new ArrayList<>();
    final List<Object[]> outcomes = new ArrayList<>();
    final List<Object[]> sources = new ArrayList<>();
    final List<Object[]> relations = new ArrayList<>();
    final List<Object[]> history = new ArrayList<>();

    void add(long id, boolean created, ImportDocument.Meeting meeting, String document, ImportReferences references,
            Map<String, Long> officialIds, Map<String, Long> meetingIds, OfficialsOnRecord people) {
        DateRange date = DateRange.parse(meeting.date());
        String city = meeting.location() == null ? null : meeting.location().city();
        String location = meeting.location() == null ? null : references.country(meeting.location().countryCode());
        if (created) {
            inserts.add(new Object[] {id, meeting.kind(), meeting.title().strip(), meeting.summary(), date.text(),
                    BulkWrites.sqlDate(date.start()), BulkWrites.sqlDate(date.end()), city, location,
                    meeting.externalId(), document});
        }
        else {
            updates.add(new Object[] {meeting.kind(), meeting.title().strip(), meeting.summary(), date.text(),
                    BulkWrites.sqlDate(date.start()), BulkWrites.sqlDate(date.end()), city, location, document, id});
            cleared.add(new Object[] {id});
        }
        for (int index = 0; index < meeting.participants().size(); index++) {
            ImportDocument.Participant participant = meeting.participants().get(index);
            long official = OfficialsOnRecord.idOf(participant, officialIds);
            String role = participant.role() != null ? participant.role()
                    : people.titlesHeldBetween(official, date.start(), date.end());
            String country = participant.countryCode() != null ? references.country(participant.countryCode())
                    : people.countryOf(official);
            participants.add(new Object[] {id, index, official, role, country});
        }
        if (meeting.cooperationAreas() != null) {
            meeting.cooperationAreas().stream().distinct().forEach(code -> areas.add(new Object[] {id, code}));
        }
        if (meeting.outcomes() != null) {
            for (int index = 0; index < meeting.outcomes().size(); index++) {
                ImportDocument.Outcome outcome = meeting.outcomes().get(index);
                outcomes.add(new Object[] {id, index, outcome.type(), outcome.description().strip()});
            }
        }
        if (meeting.sources() != null) {
            for (int index = 0; index < meeting.sources().size(); index++) {
                ImportDocument.Source source = meeting.sources().get(index);
                sources.add(new Object[] {id, index, source.url().strip(), source.publisher(),
                        BulkWrites.sqlDate(source.publishedOn()), source.note()});
            }
        }
        if (meeting.relatedRefs() != null) {
            for (String ref : meeting.relatedRefs()) {
                long other = meetingIds.get(ref);
                relations.add(new Object[] {id, other});
                relations.add(new Object[] {other, id});
            }
        }
    }

    void write(BiConsumer<String, List<Object[]>> batch) {
        batch.accept("""
                insert into meetings (id, kind, title, summary, date_text, date_start, date_end, location_city,
                                      location_country, external_id, import_record)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", inserts);
        batch.accept("""
                update meetings set kind = ?, title = ?, summary = ?, date_text = ?, date_start = ?, date_end = ?,
                       location_city = ?, location_country = ?, import_record = cast(? as jsonb),
                       version = version + 1, updated_at = now()
                where id = ?""", updates);
        for (String child : List.of("meeting_participants", "meeting_cooperation_areas", "meeting_outcomes",
                "meeting_sources", "meeting_relations")) {
            batch.accept("delete from " + child + " where meeting_id = ?", cleared);
        }
        batch.accept("insert into meeting_participants (meeting_id, list_index, official_id, role, country_code) "
                + "values (?, ?, ?, ?, ?)", participants);
        batch.accept("insert into meeting_cooperation_areas (meeting_id, area_code) values (?, ?)", areas);
        batch.accept("insert into meeting_outcomes (meeting_id, list_index, type, description) values (?, ?, ?, ?)",
                outcomes);
        batch.accept("insert into meeting_sources (meeting_id, list_index, url, publisher, published_on, note) "
                + "values (?, ?, ?, ?, ?, ?)", sources);
    }

    /** After every chunk: a relation may point at a meeting written in a later chunk. */
    static void writeRelations(BiConsumer<String, List<Object[]>> batch, List<Object[]> relations) {
        batch.accept("insert into meeting_relations (meeting_id, related_meeting_id) values (?, ?) "
                + "on conflict do nothing", relations);
    }
}
