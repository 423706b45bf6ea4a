package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The stored meeting documents and filter rows (migration V23), and the counters of V24, V30,
 * V32 and V35, follow every write, however it is made: through the API, with plain SQL as a
 * manual fix would, or by an import. Each check is twofold: no meeting's stored document differs
 * from one built afresh, and the change itself shows in the stored text. Writes racing each other
 * are {@link ReadModelRaceTest}'s.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "test.context=meeting-documents"})
class MeetingDocumentsTest extends ReadModelChecks {

    @Test
    void documentsOfTheSeedRecordAreStoredAndReadAsTheApiServesThem() {
        assertEveryDocumentIsCurrent();
        long meeting = jdbc.sql("select min(id) from meetings").query(Long.class).single();
        Api.Reply served = api.get("/api/v1/meetings/" + meeting).send();
        assertThat(served.status()).isEqualTo(200);
        assertThat(stored(meeting)).isEqualTo(served.json());
    }

    @Test
    void meetingCreatedAndUpdatedThroughTheApiHasItsDocumentStored() {
        Api.Reply created = api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Stored on creation", "2019-05-02", List.of(Map.of("officialId", 1))))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertEveryDocumentIsCurrent();
        assertThat(stored(id).get("title").asString()).isEqualTo("Stored on creation");
        assertThat(stored(id)).isEqualTo(created.json());

        Api.Reply updated = api.put("/api/v1/meetings/" + id).admin()
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(Map.of("kind", "CALL", "title", "Stored on update", "date", "2019-05-03",
                        "participants", List.of(Map.of("officialId", 1), Map.of("officialId", 2)),
                        "outcomes", List.of(Map.of("type", "STATEMENT", "description", "A joint statement"))))
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertEveryDocumentIsCurrent();
        JsonNode document = stored(id);
        assertThat(document.get("title").asString()).isEqualTo("Stored on update");
        assertThat(document.get("participants")).hasSize(2);
        assertThat(document.at("/outcomes/0/description").asString()).isEqualTo("A joint statement");
        assertThat(document.get("cooperationAreas")).isEmpty();
        assertThat(document).isEqualTo(updated.json());
    }

    /**
     * TRUNCATE fires no insert, update or delete trigger: emptying the meetings with it empties the
     * counters too (V34), in its own transaction (rolled back here, which restores everything).
     */
    @Test
    void meetingsEmptiedWithTruncateTakeTheirCountersWithThem() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String counters : counterTables()) {
                    assertThat(rows(statement, counters)).as(counters + " counting the seed").isPositive();
                }
                statement.execute("truncate meetings cascade");
                for (String counters : counterTables()) {
                    assertThat(rows(statement, counters)).as(counters + " after the meetings were emptied").isZero();
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertEveryDocumentIsCurrent();
    }

    private static long rows(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Every meeting is counted by the months of its days (V32), for the totals of lists with no
     * filter: a meeting moved to other months is counted there, also by an update that leaves
     * another meeting's days as they were, and the totals of lists by days alone are the meetings
     * that are there.
     */
    @Test
    void meetingsMovedToOtherMonthsAreCountedWhereTheyAreNow() {
        long moved = insertMeeting("Moved from 2020 to the spring of 2011");
        long kept = insertMeeting("Left in 2020");
        jdbc.sql("""
                update meetings set date_text = '2011-03', date_start = date '2011-03-01', date_end = date '2011-03-31'
                where id = ?""").param(moved).update();
        jdbc.sql("""
                update meetings set date_end = case when id = ? then date '2011-04-30' else date_end end,
                                    date_text = case when id = ? then '2011-03/2011-04' else date_text end
                where id in (?, ?)""").params(moved, moved, moved, kept).update();
        assertEveryDocumentIsCurrent();

        // whole months, and windows cutting months (counted from the counters and those months' days)
        for (String days : List.of("from=2011-04-01&to=2011-04-30", "from=2011-01-01&to=2011-03-31",
                "from=2020-01-01", "to=2019-12-31", "from=2011-01-01&to=2020-12-31", "from=2011-03-31",
                "from=2011-04-30&to=2011-05-02", "to=2011-03-01", "from=2011-02-15&to=2011-03-15",
                "from=2011-04-15&to=2020-06-15", "from=2020-12-31", "to=2020-01-01")) {
            // the overlap as a range, not as the service writes it
            long counted = jdbc.sql("""
                    select count(*) from meetings
                    where daterange(date_start, date_end, '[]')
                          && daterange(cast(:from as date), cast(:to as date), '[]')""")
                    .param("from", dayOf(days, "from")).param("to", dayOf(days, "to")).query(Long.class).single();
            assertThat(counted).as(days).isPositive();
            assertThat(page("/api/v1/meetings?size=1&" + days).at("/page/totalElements").asLong())
                    .as("the total of a page of one meeting " + days).isEqualTo(counted);
        }
    }

    /**
     * An official's meetings are read in date order from their own rows (V38), which carry the
     * meetings' days: a meeting moved, by an update that changes no participant, is listed,
     * filtered and counted by its new days.
     */
    @Test
    void anOfficialsMeetingsAreListedByTheDaysTheirMeetingsHaveNow() {
        long official = insertOfficial("Ilse Mover");
        long movedBack = insertMeeting("Moved back to 2011");
        long stayed = insertMeeting("Stayed in 2020");
        long movedOn = insertMeeting("Moved on to 2021");
        for (long meeting : List.of(movedBack, stayed, movedOn)) {
            addParticipant(meeting, 0, official);
        }
        jdbc.sql("""
                update meetings set date_text = '2011-03', date_start = date '2011-03-01', date_end = date '2011-03-31'
                where id = ?""").param(movedBack).update();
        jdbc.sql("""
                update meetings set date_text = '2021-05-04', date_start = date '2021-05-04', date_end = date '2021-05-04'
                where id = ?""").param(movedOn).update();
        assertEveryDocumentIsCurrent();

        String officials = "/api/v1/meetings?official=" + official;
        assertThat(titles(officials)).containsExactly("Moved on to 2021", "Stayed in 2020", "Moved back to 2011");
        assertThat(titles(officials + "&sort=date,asc"))
                .containsExactly("Moved back to 2011", "Stayed in 2020", "Moved on to 2021");
        assertThat(titles(officials + "&to=2019-12-31")).containsExactly("Moved back to 2011");
        assertThat(titles(officials + "&from=2020-12-31&to=2021-05-04"))
                .containsExactly("Moved on to 2021", "Stayed in 2020");
        assertThat(page(officials + "&size=1&page=1").at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(page(officials + "&size=1&page=1").at("/content/0/title").asString()).isEqualTo("Stayed in 2020");
    }

    private JsonNode page(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    private List<String> titles(String uri) {
        return page(uri).get("content").valueStream().map(meeting -> meeting.get("title").asString()).toList();
    }

    private static @Nullable String dayOf(String days, String name) {
        return Arrays.stream(days.split("&")).filter(day -> day.startsWith(name + "="))
                .map(day -> day.substring(name.length() + 1)).findFirst().orElse(null);
    }

    private long februaryHealthMeetings() {
        return jdbc.sql("select coalesce(sum(starting), 0) from area_months where area_code = 'health' and month = ?")
                .param(LocalDate.parse("2016-02-01")).query(Long.class).single();
    }

    /**
     * Through the API, the entity's parts are deleted first; with plain SQL, as a manual fix
     * would, the filter rows go by cascade, so the counts must be taken out before: none may be left.
     */
    @Test
    void meetingDeletedThroughTheApiOrWithSqlLeavesNoCounts() {
        long before = februaryHealthMeetings();
        Api.Reply first = api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Counted, then deleted", "2016-02-03",
                        List.of(Map.of("officialId", 1), Map.of("officialId", 2))))
                .send();
        Api.Reply second = api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Counted, then deleted by hand", "2016-02-04",
                        List.of(Map.of("officialId", 1), Map.of("officialId", 2))))
                .send();
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertEveryDocumentIsCurrent();
        assertThat(februaryHealthMeetings()).isEqualTo(before + 2);

        Api.Reply deleted = api.delete("/api/v1/meetings/" + first.json().get("id").asLong()).admin()
                .header("If-Match", first.header("ETag").orElseThrow()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        jdbc.sql("delete from meetings where id = ?").param(second.json().get("id").asLong()).update();
        assertEveryDocumentIsCurrent();
        assertThat(februaryHealthMeetings()).isEqualTo(before);
    }

    @Test
    void renamedOfficialShowsInTheDocumentsOfTheirMeetings() {
        long official = insertOfficial("Ludmila Before");
        long first = insertMeeting("First with Ludmila");
        long second = insertMeeting("Second with Ludmila");
        addParticipant(first, 0, official);
        addParticipant(second, 0, official);

        jdbc.sql("update officials set full_name = 'Ludmila After' where id = ?").param(official).update();

        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(first))).containsExactly("Ludmila After");
        assertThat(fullNames(stored(second))).containsExactly("Ludmila After");
    }

    @Test
    void renamedAreaAndChangedAreaCodeShowInTheDocumentsOfItsMeetings() {
        jdbc.sql("insert into cooperation_areas (code, name) values ('tides', 'Tides')").update();
        long meeting = insertMeeting("Talks on the sea");
        jdbc.sql("insert into meeting_cooperation_areas (meeting_id, area_code) values (?, 'tides')").param(meeting)
                .update();
        assertThat(stored(meeting).at("/cooperationAreas/0/name").asString()).isEqualTo("Tides");

        jdbc.sql("update cooperation_areas set name = 'Tides and currents' where code = 'tides'").update();
        assertEveryDocumentIsCurrent();
        assertThat(stored(meeting).at("/cooperationAreas/0/name").asString()).isEqualTo("Tides and currents");

        jdbc.sql("update cooperation_areas set code = 'ocean-tides' where code = 'tides'").update();
        assertEveryDocumentIsCurrent();
        assertThat(stored(meeting).at("/cooperationAreas/0/code").asString()).isEqualTo("ocean-tides");
    }

    @Test
    void areaMovedUnderAnotherParentTakesItsMeetingsIntoTheNewParentsFilter() {
        jdbc.sql("insert into cooperation_areas (code, name) values ('oceans', 'Oceans')").update();
        jdbc.sql("insert into cooperation_areas (code, name, parent_code) values ('currents', 'Currents', 'health')")
                .update();
        long meeting = insertMeeting("Talks on currents");
        jdbc.sql("insert into meeting_cooperation_areas (meeting_id, area_code) values (?, 'currents')").param(meeting)
                .update();
        assertThat(meetingIdsUnderArea("health")).contains(meeting);

        jdbc.sql("update cooperation_areas set parent_code = 'oceans' where code = 'currents'").update();

        assertEveryDocumentIsCurrent();
        assertThat(meetingIdsUnderArea("oceans")).containsExactly(meeting);
        assertThat(meetingIdsUnderArea("health")).doesNotContain(meeting);
    }

    /**
     * A post added, moved in time and removed, with plain SQL: the meeting is found by the
     * organization exactly while the post's days overlap the meeting's (2020).
     */
    @Test
    void postsAddedChangedAndRemovedDecideWhichOrganizationsFindAMeeting() {
        long official = insertOfficial("Petra Posted");
        long meeting = insertMeeting("Talks of a ministry");
        addParticipant(meeting, 0, official);
        long ministry = insertOrganization("Ministry of Posts");
        assertThat(meetingIdsOfOrganization(ministry)).isEmpty();

        jdbc.sql("""
                insert into positions (official_id, list_index, title, organization_id, start_date)
                values (?, 0, 'Minister', ?, date '2019-06-01')""").params(official, ministry).update();
        assertEveryDocumentIsCurrent();
        assertThat(meetingIdsOfOrganization(ministry)).containsExactly(meeting);

        jdbc.sql("update positions set start_date = date '2021-01-01' where official_id = ?").param(official).update();
        assertEveryDocumentIsCurrent();
        assertThat(meetingIdsOfOrganization(ministry)).isEmpty();

        jdbc.sql("update positions set start_date = null where official_id = ?").param(official).update();
        assertThat(meetingIdsOfOrganization(ministry)).containsExactly(meeting);
        jdbc.sql("delete from positions where official_id = ?").param(official).update();
        assertEveryDocumentIsCurrent();
        assertThat(meetingIdsOfOrganization(ministry)).isEmpty();
    }

    @Test
    void participantsOutcomesAndSourcesAddedAndRemovedShowInTheDocument() {
        long meeting = insertMeeting("Talks with parts");
        long official = insertOfficial("Paulo Partaker");

        addParticipant(meeting, 0, official);
        jdbc.sql("insert into meeting_outcomes (meeting_id, list_index, type, description) "
                + "values (?, 0, 'AGREEMENT', 'Agreed on parts')")
                .param(meeting).update();
        jdbc.sql("insert into meeting_sources (meeting_id, list_index, url) values (?, 0, 'https://example.org/parts')")
                .param(meeting).update();
        assertEveryDocumentIsCurrent();
        JsonNode added = stored(meeting);
        assertThat(fullNames(added)).containsExactly("Paulo Partaker");
        assertThat(added.at("/outcomes/0/description").asString()).isEqualTo("Agreed on parts");
        assertThat(added.at("/sources/0/url").asString()).isEqualTo("https://example.org/parts");

        jdbc.sql("update meeting_outcomes set description = 'Agreed on all parts' where meeting_id = ?").param(meeting)
                .update();
        assertEveryDocumentIsCurrent();
        assertThat(stored(meeting).at("/outcomes/0/description").asString()).isEqualTo("Agreed on all parts");

        for (String table : List.of("meeting_participants", "meeting_outcomes", "meeting_sources")) {
            jdbc.sql("delete from " + table + " where meeting_id = ?").param(meeting).update();
        }
        assertEveryDocumentIsCurrent();
        JsonNode removed = stored(meeting);
        assertThat(removed.get("participants")).isEmpty();
        assertThat(removed.get("outcomes")).isEmpty();
        assertThat(removed.get("sources")).isEmpty();
    }

    @Test
    void relatedMeetingsShowEachOtherAndADeletedOneLeavesTheOthersDocument() {
        long kept = insertMeeting("Kept meeting");
        long doomed = insertMeeting("Doomed meeting");
        jdbc.sql("insert into meeting_relations (meeting_id, related_meeting_id) values (?, ?), (?, ?)")
                .params(kept, doomed, doomed, kept).update();
        assertEveryDocumentIsCurrent();
        assertThat(relatedIds(stored(kept))).containsExactly(doomed);
        assertThat(relatedIds(stored(doomed))).containsExactly(kept);

        jdbc.sql("update meetings set title = 'Doomed meeting, renamed' where id = ?").param(doomed).update();
        assertEveryDocumentIsCurrent();
        assertThat(stored(kept).at("/relatedMeetings/0/title").asString()).isEqualTo("Doomed meeting, renamed");

        jdbc.sql("delete from meetings where id = ?").param(doomed).update();
        assertEveryDocumentIsCurrent();
        assertThat(relatedIds(stored(kept))).isEmpty();
        assertThat(jdbc.sql("select count(*) from meeting_documents where meeting_id = ?").param(doomed)
                .query(Long.class).single()).isZero();
    }

    private static final String IMPORT = """
            {"cooperationAreas": [{"code": "docs-rivers", "name": "Rivers"}],
             "officials": [{"externalId": "docs-person:a", "fullName": "Ines Importee", "countryCode": "FR"}],
             "meetings": [
               {"externalId": "docs-meeting:1", "kind": "TALKS", "title": "Imported talks on rivers", "date": "2018-05",
                "participants": [{"officialRef": "docs-person:a", "role": "Guest"}],
                "cooperationAreas": ["docs-rivers"]},
               {"externalId": "docs-meeting:2", "kind": "CALL", "title": "Imported follow-up call",
                "date": "2019-03-02",
                "participants": [{"officialRef": "docs-person:a", "role": "Guest"}],
                "relatedRefs": ["docs-meeting:1"]}]}
            """;

    private JsonNode importDocument(String document) {
        Api.Reply reply = api.post("/api/v1/imports").admin().json(document).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void jsonImportStoresTheDocumentsOfWhatItCreatesAndUpdates() {
        assertThat(importDocument(IMPORT).get("created").asInt()).isEqualTo(4);
        assertEveryDocumentIsCurrent();
        long talks = meetingId("docs-meeting:1");
        long call = meetingId("docs-meeting:2");
        assertThat(fullNames(stored(talks))).containsExactly("Ines Importee");
        assertThat(stored(talks).at("/cooperationAreas/0/name").asString()).isEqualTo("Rivers");
        assertThat(relatedIds(stored(call))).containsExactly(talks);
        assertThat(relatedIds(stored(talks))).containsExactly(call);

        // a new name for the official and the area, a new title for the talks, and a third meeting
        // related to the call, which the document leaves as it was
        String corrected = IMPORT.replace("Ines Importee", "Ines Importée")
                .replace("\"Rivers\"", "\"Rivers and lakes\"")
                .replace("Imported talks on rivers", "Imported talks on rivers and lakes")
                .replace("]}]}", """
                        ]},
                           {"externalId": "docs-meeting:3", "kind": "VISIT", "title": "Imported visit", "date": "2020",
                            "participants": [{"officialRef": "docs-person:a"}],
                            "relatedRefs": ["docs-meeting:2"]}]}""");
        JsonNode report = importDocument(corrected);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("updated").asInt()).isEqualTo(3);
        assertThat(report.get("unchanged").asInt()).as("the call").isEqualTo(1);

        assertEveryDocumentIsCurrent();
        long visit = meetingId("docs-meeting:3");
        assertThat(fullNames(stored(call))).as("an unchanged meeting of a renamed official")
                .containsExactly("Ines Importée");
        assertThat(stored(talks).at("/cooperationAreas/0/name").asString()).isEqualTo("Rivers and lakes");
        assertThat(stored(call).at("/relatedMeetings/0/title").asString())
                .isEqualTo("Imported talks on rivers and lakes");
        assertThat(relatedIds(stored(call))).as("the unchanged side of a new relation")
                .containsExactlyInAnyOrder(talks, visit);
        assertThat(relatedIds(stored(visit))).containsExactly(call);
    }

    @Test
    void historyStateGovImportStoresTheDocumentsOfItsMeetings() {
        String visit = """
                <visits><visit><id>90001</id><start-date>1990-01-10</start-date><end-date>1990-01-12</end-date>
                <visitor>Prime Minister Anibal Antonio Cavaco e Silva</visitor><from id="portugal">Portugal</from>
                <description>Official working visit.</description><created-by/><created-datetime/></visit></visits>""";
        http.post().uri("/api/v1/imports/history-state-gov")
                .headers(headers -> headers.setBasicAuth(TestLogins.ADMIN, TestLogins.PASSWORD))
                .contentType(MediaType.APPLICATION_XML).body(visit.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isOk();

        assertEveryDocumentIsCurrent();
        JsonNode document = stored(meetingId("hsg-visit:90001"));
        assertThat(document.get("summary").asString()).isEqualTo("Official working visit.");
        assertThat(fullNames(document)).anySatisfy(name -> assertThat(name).contains("Cavaco"));
    }

}
