package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The stored meeting documents and filter rows (migration V23), and the counters of the filter
 * rows (V24), follow every write, however it is
 * made: through the API, with plain SQL as a manual fix would, or by an import. Each check is twofold: no meeting's
 * stored document differs from one built afresh, and the change itself shows in the stored text.
 * Its own context: it changes rows.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "test.context=meeting-documents"})
class MeetingDocumentsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * Every meeting has a stored document, and each is the one meeting_documents_of() builds now; the
     * filter rows (country pairs, area trees) are exactly the ones derived now, none missing, none
     * left over.
     */
    private void assertEveryDocumentIsCurrent() {
        long stale = jdbc.sql("""
                select count(*) from meeting_documents_of(array(select id from meetings)) fresh
                left join meeting_documents d on d.meeting_id = fresh.meeting_id
                where d.document is distinct from fresh.document""").query(Long.class).single();
        assertThat(stale).as("meetings whose stored document is missing or out of date").isZero();
        for (String filterRows : List.of("meeting_country_pairs", "meeting_area_tree", "meeting_officials",
                "meeting_area_countries", "meeting_organizations")) {
            long different = jdbc.sql("""
                    with fresh as (select * from %1$s_of(array(select id from meetings)))
                    select count(*) from (
                      (select * from %1$s except select * from fresh)
                      union all
                      (select * from fresh except select * from %1$s)) difference""".formatted(filterRows))
                    .query(Long.class).single();
            assertThat(different).as(filterRows + " rows missing or out of date").isZero();
        }
        assertEveryCounterIsCurrent();
    }

    /** What the counters of V24, V30 and V32 should hold now, counted afresh from the filter rows (zeros left out). */
    private static final Map<String, String> RECOUNTS = Map.of(
            "country_pair_months", """
                    select country_code, counterpart_code, month, sum(starting)::int, sum(ending)::int from (
                      select country_code, counterpart_code, date_trunc('month', date_start)::date as month,
                             1 as starting, 0 as ending from meeting_country_pairs
                      union all
                      select country_code, counterpart_code, date_trunc('month', date_end)::date, 0, 1
                      from meeting_country_pairs) d
                    where country_code <= counterpart_code group by 1, 2, 3""",
            "area_months", """
                    select area_code, month, sum(starting)::int, sum(ending)::int from (
                      select area_code, date_trunc('month', date_start)::date as month, 1 as starting, 0 as ending
                      from meeting_area_tree
                      union all
                      select area_code, date_trunc('month', date_end)::date, 0, 1 from meeting_area_tree) d
                    group by 1, 2""",
            "country_pair_areas", """
                    select p.country_code, p.counterpart_code, a.area_code, count(*)::int
                    from meeting_country_pairs p join meeting_area_tree a using (meeting_id)
                    where p.country_code <= p.counterpart_code group by 1, 2, 3""",
            "organization_months", """
                    select organization_id, month, sum(starting)::int, sum(ending)::int from (
                      select organization_id, date_trunc('month', date_start)::date as month, 1 as starting,
                             0 as ending
                      from meeting_organizations
                      union all
                      select organization_id, date_trunc('month', date_end)::date, 0, 1 from meeting_organizations) d
                    group by 1, 2""",
            "meeting_months", """
                    select month, sum(starting)::int, sum(ending)::int from (
                      select date_trunc('month', date_start)::date as month, 1 as starting, 0 as ending from meetings
                      union all
                      select date_trunc('month', date_end)::date, 0, 1 from meetings) d
                    group by 1""",
            "country_pair_officials", """
                    select p.country_code, p.counterpart_code, p2.official_id, count(*)::int
                    from meeting_country_pairs p join meeting_participants p2 using (meeting_id)
                    where p.country_code <= p.counterpart_code group by 1, 2, 3""");

    private void assertEveryCounterIsCurrent() {
        RECOUNTS.forEach((counters, recount) -> {
            String nonZero = counters.endsWith("months") ? "starting <> 0 or ending <> 0" : "meetings <> 0";
            long different = jdbc.sql("""
                    with fresh as (%2$s), stored as (select * from %1$s where %3$s)
                    select count(*) from (
                      (select * from stored except select * from fresh)
                      union all
                      (select * from fresh except select * from stored)) difference"""
                    .formatted(counters, recount, nonZero))
                    .query(Long.class).single();
            assertThat(different).as(counters + " differing from a count of the filter rows").isZero();
        });
    }

    private JsonNode stored(long meeting) {
        return Api.JSON.readTree(jdbc.sql("select document from meeting_documents where meeting_id = ?")
                .param(meeting).query(String.class).single());
    }

    private static List<String> fullNames(JsonNode document) {
        return document.get("participants").valueStream().map(p -> p.at("/official/fullName").asString()).toList();
    }

    private static List<Long> relatedIds(JsonNode document) {
        return document.get("relatedMeetings").valueStream().map(r -> r.get("id").asLong()).toList();
    }

    private long insertMeeting(String title) {
        return jdbc.sql("""
                insert into meetings (kind, title, date_text, date_start, date_end)
                values ('TALKS', ?, '2020', date '2020-01-01', date '2020-12-31') returning id""")
                .param(title).query(Long.class).single();
    }

    private long insertOfficial(String fullName) {
        return jdbc.sql("insert into officials (full_name) values (?) returning id").param(fullName)
                .query(Long.class).single();
    }

    private void addParticipant(long meeting, int index, long official) {
        jdbc.sql("insert into meeting_participants (meeting_id, list_index, official_id) values (?, ?, ?)")
                .params(meeting, index, official).update();
    }

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
            long counted = jdbc.sql("""
                    select count(*) from meetings
                    where daterange(date_start, date_end, '[]') && daterange(cast(:from as date), cast(:to as date), '[]')""")
                    .param("from", dayOf(days, "from")).param("to", dayOf(days, "to")).query(Long.class).single();
            assertThat(counted).as(days).isPositive();
            assertThat(http.get().uri("/api/v1/meetings?size=1&" + days).exchange().expectStatus().isOk()
                    .returnResult(JsonNode.class).getResponseBody().at("/page/totalElements").asLong())
                    .as("the total of a page of one meeting " + days).isEqualTo(counted);
        }
    }

    private static @Nullable String dayOf(String days, String name) {
        return java.util.Arrays.stream(days.split("&")).filter(day -> day.startsWith(name + "="))
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

    /**
     * A post added while its holder is being made a participant, in either order: the second
     * waits for the first, so the meeting is found by the organization either way.
     */
    @Test
    void postAddedWhileItsHolderJoinsAMeetingFindsTheMeetingEitherWay() throws Exception {
        long ministry = insertOrganization("Ministry of Timing");
        for (boolean postFirst : List.of(true, false)) {
            long official = insertOfficial("Tim Timing " + postFirst);
            long meeting = insertMeeting("Talks joined while a post is added, post first: " + postFirst);
            String post = "insert into positions (official_id, list_index, title, organization_id) values ("
                    + official + ", 0, 'Secretary', " + ministry + ")";
            String link = "insert into meeting_participants (meeting_id, list_index, official_id) values ("
                    + meeting + ", 0, " + official + ")";

            whileUncommitted(postFirst ? post : link, postFirst ? link : post);

            assertEveryDocumentIsCurrent();
            assertThat(meetingIdsOfOrganization(ministry)).contains(meeting);
        }
    }

    private long insertOrganization(String name) {
        return jdbc.sql("insert into organizations (name, kind) values (?, 'MINISTRY') returning id").param(name)
                .query(Long.class).single();
    }

    private List<Long> meetingIdsOfOrganization(long organization) {
        return http.get().uri("/api/v1/meetings?organization={id}&size=100", organization).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().get("content").valueStream()
                .map(meeting -> meeting.get("id").asLong()).toList();
    }

    private List<Long> meetingIdsUnderArea(String area) {
        return http.get().uri("/api/v1/meetings?area={area}&size=100", area).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().get("content").valueStream()
                .map(found -> found.get("id").asLong()).toList();
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

    private long meetingId(String externalId) {
        return jdbc.sql("select id from meetings where external_id = ?").param(externalId).query(Long.class).single();
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

    /**
     * Two transactions change what one document shows at the same time: the second to build it
     * waits for the first to commit, so that its document holds both changes, not only its own.
     */
    @Test
    void concurrentChangesToOneDocumentBothShow() throws Exception {
        long official = insertOfficial("Conrad Concurrent");
        long meeting = insertMeeting("Talks written twice at once");
        addParticipant(meeting, 0, official);

        try (Connection renaming = dataSource.getConnection(); Connection adding = dataSource.getConnection()) {
            renaming.setAutoCommit(false);
            adding.setAutoCommit(false);
            execute(renaming, "update officials set full_name = 'Conrad Renamed' where id = " + official);
            CompletableFuture<Void> outcome = CompletableFuture.runAsync(() -> {
                try {
                    execute(adding, "insert into meeting_outcomes (meeting_id, list_index, type, description) "
                            + "values (" + meeting + ", 0, 'STATEMENT', 'Written meanwhile')");
                    adding.commit();
                }
                catch (SQLException exception) {
                    throw new IllegalStateException(exception);
                }
            });
            awaitWaitingForALock(outcome);
            renaming.commit();
            outcome.get(30, TimeUnit.SECONDS);
        }

        assertEveryDocumentIsCurrent();
        JsonNode document = stored(meeting);
        assertThat(fullNames(document)).containsExactly("Conrad Renamed");
        assertThat(document.at("/outcomes/0/description").asString()).isEqualTo("Written meanwhile");
    }

    /**
     * A participant added while its official is being renamed: the link waits for the rename, so
     * that the meeting is built with the new name (the rename, run first, could not see the link).
     */
    @Test
    void participantAddedWhileItsOfficialIsRenamedShowsTheNewName() throws Exception {
        long official = insertOfficial("Rita Before");
        long meeting = insertMeeting("Talks joined during a rename");

        whileUncommitted("update officials set full_name = 'Rita After' where id = " + official,
                "insert into meeting_participants (meeting_id, list_index, official_id) values (" + meeting + ", 0, "
                        + official + ")");

        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meeting))).containsExactly("Rita After");
    }

    /**
     * An import naming a registry official as a participant while the official is being renamed:
     * the import waits for the rename (its foreign key check alone would not), so its meeting is
     * built with the new name, as a participant added through the API is.
     */
    @Test
    void meetingImportedWhileItsParticipantIsRenamedShowsTheNewName() throws Exception {
        long official = insertOfficial("Ida Before");
        String document = """
                {"meetings": [{"externalId": "docs-meeting:renamed", "kind": "TALKS", "title": "Imported during a rename",
                               "date": "2021-04-01", "participants": [{"officialId": %d}]}]}""".formatted(official);

        try (Connection renaming = dataSource.getConnection()) {
            renaming.setAutoCommit(false);
            execute(renaming, "update officials set full_name = 'Ida After' where id = " + official);
            CompletableFuture<Api.Reply> importing =
                    CompletableFuture.supplyAsync(() -> api.post("/api/v1/imports").admin().json(document).send());
            awaitWaitingForALock(importing);
            assertThat(importing).as("the import waits for the uncommitted rename").isNotDone();
            renaming.commit();
            Api.Reply reply = importing.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meetingId("docs-meeting:renamed")))).containsExactly("Ida After");
    }

    /**
     * A meeting updated to name an official while a post of theirs is being added: the update
     * locks the officials it links before writing anything, as a post change locks its holder,
     * so one waits for the other instead of each holding what the other needs (the update the
     * meeting's document, the post change the official) and one of them failing as a deadlock.
     * {@code blocker}, an official the update also names, holds the update up at its first lock
     * until the post change has begun.
     */
    @Test
    void meetingUpdatedWhileAPostOfItsParticipantIsAddedWaitsInsteadOfDeadlocking() throws Exception {
        long ministry = insertOrganization("Ministry of Order");
        long blocker = insertOfficial("Bea Blocker");
        long holder = insertOfficial("Hal Holder");
        long meeting = insertMeeting("Talks updated while a post is added");
        addParticipant(meeting, 0, holder);
        assertThat(blocker).as("locked first, in id order").isLessThan(holder);
        String update = """
                {"kind": "TALKS", "title": "Talks updated while a post is added", "date": "2020",
                 "participants": [{"officialId": %d}, {"officialId": %d}]}""".formatted(holder, blocker);

        try (Connection blocking = dataSource.getConnection(); Connection posting = dataSource.getConnection()) {
            blocking.setAutoCommit(false);
            posting.setAutoCommit(false);
            execute(blocking, "select from officials where id = " + blocker + " for update");
            CompletableFuture<Api.Reply> updating = CompletableFuture.supplyAsync(() -> api
                    .put("/api/v1/meetings/" + meeting).admin().header("If-Match", "*").json(update).send());
            awaitWaitingForALock(updating);
            CompletableFuture<Void> post = CompletableFuture.runAsync(() -> {
                try {
                    execute(posting, "insert into positions (official_id, list_index, title, organization_id) "
                            + "values (" + holder + ", 0, 'Director', " + ministry + ")");
                }
                catch (SQLException exception) {
                    throw new IllegalStateException(exception);
                }
            });
            assertThat(post).as("the post change is not held up by the waiting update")
                    .succeedsWithin(Duration.ofSeconds(10));
            blocking.commit();
            awaitWaitingForALock(updating);
            posting.commit();
            Api.Reply reply = updating.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meeting))).containsExactly("Hal Holder", "Bea Blocker");
        assertThat(meetingIdsOfOrganization(ministry)).containsExactly(meeting);
    }

    /** An area linked while it is moved under another parent: the meeting is filed under the new parent. */
    @Test
    void areaLinkedWhileItIsMovedIsFiledUnderTheNewParent() throws Exception {
        jdbc.sql("insert into cooperation_areas (code, name) values ('rivers', 'Rivers')").update();
        jdbc.sql("insert into cooperation_areas (code, name, parent_code) values ('deltas', 'Deltas', 'health')")
                .update();
        long meeting = insertMeeting("Talks on deltas");

        whileUncommitted("update cooperation_areas set parent_code = 'rivers' where code = 'deltas'",
                "insert into meeting_cooperation_areas (meeting_id, area_code) values (" + meeting + ", 'deltas')");

        assertEveryDocumentIsCurrent();
        assertThat(meetingIdsUnderArea("rivers")).containsExactly(meeting);
        assertThat(meetingIdsUnderArea("health")).doesNotContain(meeting);
    }

    /**
     * Runs {@code first} in a transaction left open, then {@code second} in another one, which must
     * wait for the first; commits the first, then waits for the second to commit.
     */
    private void whileUncommitted(String first, String second) throws Exception {
        try (Connection changing = dataSource.getConnection(); Connection linking = dataSource.getConnection()) {
            changing.setAutoCommit(false);
            linking.setAutoCommit(false);
            execute(changing, first);
            CompletableFuture<Void> link = CompletableFuture.runAsync(() -> {
                try {
                    execute(linking, second);
                    linking.commit();
                }
                catch (SQLException exception) {
                    throw new IllegalStateException(exception);
                }
            });
            awaitWaitingForALock(link);
            assertThat(link).as("the link waits for the uncommitted change").isNotDone();
            changing.commit();
            link.get(30, TimeUnit.SECONDS);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /** Until another session of this database waits for a lock (or the work has finished anyway). */
    private void awaitWaitingForALock(CompletableFuture<?> work) throws InterruptedException {
        for (int attempt = 0; attempt < 200 && !work.isDone(); attempt++) {
            long waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
