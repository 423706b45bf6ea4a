package org.diplomaticcontacts.imports;

import static java.util.stream.Collectors.toSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the meetings of a JSON import, keyed by their external id. Meetings are the bulk of a
 * large document, so they are written a chunk at a time: only one chunk's rows, documents and
 * history are ever held at once. Every new meeting gets its id up front, and relations are
 * written last, so that a meeting may relate to one of a later chunk.
 */
@Component
class JsonMeetings {

    private static final int CHUNK = 2_000;

    private final ImportClassifier classifier;
    private final ImportHistory history;
    private final BulkWrites bulk;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JsonMeetings(ImportClassifier classifier, ImportHistory history, BulkWrites bulk, JdbcTemplate jdbc,
            JsonMapper json) {
        this.classifier = classifier;
        this.history = history;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Writes them, with their history, search documents and meeting documents; participants
     * named by external id are found in {@code officialIds}, their posts in the document's
     * officials or the registry ({@link OfficialsOnRecord}).
     */
    void write(List<ImportDocument.Meeting> meetings, ImportReferences references,
            List<ImportDocument.Official> documentOfficials, Map<String, Long> officialIds, ImportTally tally) {
        Map<String, Long> meetingIds = new HashMap<>(references.meetingsByExternalId);
        long[] ids = ids(meetings, meetingIds);
        List<Object[]> relations = new ArrayList<>();
        for (int from = 0; from < meetings.size(); from += CHUNK) {
            List<ImportDocument.Meeting> chunk = meetings.subList(from, Math.min(meetings.size(), from + CHUNK));
            List<Classified<ImportDocument.Meeting>> classified = classify(chunk, from, ids, references);
            OfficialsOnRecord people = OfficialsOnRecord.load(jdbc, references, documentOfficials, officialIds,
                    classified.stream().filter(Classified::changed).map(Classified::record).toList());
            MeetingRows rows = new MeetingRows();
            for (Classified<ImportDocument.Meeting> meeting : classified) {
                tally.count(meeting);
                if (meeting.changed()) {
                    String document = json.writeValueAsString(meeting.record());
                    rows.add(meeting.id(), meeting.created(), meeting.record(), document, references,
                            officialIds, meetingIds, people);
                    rows.history.add(history.row("meeting", meeting, document));
                }
            }
            rows.write(bulk::batch);
            history.write(rows.history);
            List<Long> written = ImportHistory.ids(rows.history);
            bulk.refresh("refresh_meeting_search", "bigint", written);
            bulk.refresh("refresh_changed_meeting_documents", "bigint", written);
            relations.addAll(rows.relations);
        }
        MeetingRows.writeRelations(bulk::batch, relations);
        // the relations hold both directions: their first column names both sides
        bulk.refresh("refresh_meeting_documents", "bigint", relations.stream().map(relation -> (Long) relation[0])
                .distinct().toList());
    }

    /**
     * The registry's officials the meetings name as participants, by id or by the external id of
     * one already stored (those the import creates are seen by no one else until it commits).
     */
    static Set<Long> linkedOfficials(List<ImportDocument.Meeting> meetings, ImportReferences references) {
        return meetings.stream().flatMap(meeting -> meeting.participants().stream())
                .map(participant -> participant.officialId() != null ? participant.officialId()
                        : references.officialsByExternalId.get(participant.officialRef()))
                .filter(Objects::nonNull).collect(toSet());
    }

    /** The areas the meetings are tagged with. */
    static Set<String> linkedAreas(List<ImportDocument.Meeting> meetings) {
        return meetings.stream().filter(meeting -> meeting.cooperationAreas() != null)
                .flatMap(meeting -> meeting.cooperationAreas().stream()).collect(toSet());
    }

    /**
     * Each meeting's id, by its place in the document: the stored one, or a new one; every
     * external id is added to {@code meetingIds}, for the relations to find.
     */
    private long[] ids(List<ImportDocument.Meeting> meetings, Map<String, Long> meetingIds) {
        long[] ids = new long[meetings.size()];
        long unknown = meetings.stream()
                .filter(meeting -> meeting.externalId() == null || !meetingIds.containsKey(meeting.externalId()))
                .count();
        Iterator<Long> newIds = bulk.nextIds("meetings", unknown).iterator();
        for (int index = 0; index < meetings.size(); index++) {
            String externalId = meetings.get(index).externalId();
            Long known = externalId == null ? null : meetingIds.get(externalId);
            ids[index] = known != null ? known : newIds.next();
            if (externalId != null) {
                meetingIds.put(externalId, ids[index]);
            }
        }
        return ids;
    }

    /** The chunk's meetings, classified against those stored under their external ids. */
    private List<Classified<ImportDocument.Meeting>> classify(List<ImportDocument.Meeting> chunk, int from,
            long[] ids, ImportReferences references) {
        Map<String, String> lastImported = classifier.lastImported("meetings", chunk.stream()
                .map(ImportDocument.Meeting::externalId)
                .filter(key -> key != null && references.meetingsByExternalId.containsKey(key))
                .toList());
        List<Classified<ImportDocument.Meeting>> classified = new ArrayList<>(chunk.size());
        for (int index = 0; index < chunk.size(); index++) {
            ImportDocument.Meeting meeting = chunk.get(index);
            boolean stored = meeting.externalId() != null
                    && references.meetingsByExternalId.containsKey(meeting.externalId());
            long id = ids[from + index];
            classified.add(stored ? classifier.compare(meeting, id, lastImported.get(meeting.externalId()))
                    : Classified.created(meeting, id));
        }
        return classified;
    }
}
