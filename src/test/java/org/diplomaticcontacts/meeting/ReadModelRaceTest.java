package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diplomaticcontacts.support.LockWaits.awaitWaitingForALock;
import static org.diplomaticcontacts.support.LockWaits.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Two writes at once, each changing what the other's documents and filter rows are built from:
 * the second waits for the first to commit, or the first for the second, so that whatever is
 * built last holds both changes, and neither fails as a deadlock. One of the two is held open
 * in a transaction of its own, the other run beside it.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "test.context=read-model-races"})
class ReadModelRaceTest extends ReadModelChecks {

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
            awaitWaitingForALock(jdbc, outcome, 1);
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
                {"meetings": [{"externalId": "docs-meeting:renamed", "kind": "TALKS",
                               "title": "Imported during a rename", "date": "2021-04-01",
                               "participants": [{"officialId": %d}]}]}""".formatted(official);

        try (Connection renaming = dataSource.getConnection()) {
            renaming.setAutoCommit(false);
            execute(renaming, "update officials set full_name = 'Ida After' where id = " + official);
            CompletableFuture<Api.Reply> importing =
                    CompletableFuture.supplyAsync(() -> api.post("/api/v1/imports").admin().json(document).send());
            awaitWaitingForALock(jdbc, importing, 1);
            assertThat(importing).as("the import waits for the uncommitted rename").isNotDone();
            renaming.commit();
            Api.Reply reply = importing.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meetingId("docs-meeting:renamed")))).containsExactly("Ida After");
    }

    /**
     * A history.state.gov import adding a post to an official while another post of theirs is
     * being added: the import locks the officials it names before reading their posts, so it waits
     * and numbers its post after the other one. Reading first, it numbered both alike and failed
     * on the posts' key once the other committed.
     */
    @Test
    void postImportedWhileAnotherPostOfItsHolderIsAddedIsNumberedAfterIt() throws Exception {
        String visit = """
                <visits><visit><id>%s</id><start-date>1991-05-06</start-date><end-date>1991-05-07</end-date>
                <visitor>%s Ada Racewell</visitor><from id="portugal">Portugal</from>
                <description>A visit.</description><created-by/><created-datetime/></visit></visits>""";
        Api.Reply first = api.post("/api/v1/imports/history-state-gov").admin()
                .xml(visit.formatted("race-1", "Prime Minister")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long official = jdbc.sql("select id from officials where full_name = 'Ada Racewell'")
                .query(Long.class).single();

        try (Connection adding = dataSource.getConnection()) {
            adding.setAutoCommit(false);
            // as the API adds a post: the official's version with it
            execute(adding, "update officials set version = version + 1 where id = " + official);
            execute(adding, "insert into positions (official_id, list_index, title)"
                    + " values (" + official + ", 1, 'Envoy')");
            CompletableFuture<Api.Reply> importing = CompletableFuture.supplyAsync(() -> api
                    .post("/api/v1/imports/history-state-gov").admin()
                    .xml(visit.formatted("race-2", "Foreign Minister")).send());
            awaitWaitingForALock(jdbc, importing, 1);
            assertThat(importing).as("the import waits for the uncommitted post").isNotDone();
            adding.commit();
            Api.Reply second = importing.get(30, TimeUnit.SECONDS);
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
        }

        assertThat(jdbc.sql("select title from positions where official_id = ? order by list_index").param(official)
                .query(String.class).list()).containsExactly("Prime Minister", "Envoy", "Foreign Minister");
        assertEveryDocumentIsCurrent();
    }

    /**
     * A JSON import changing an official its meeting links to, while another import has
     * share-locked the official to link it and then changes it too ({@code other} plays that
     * import): the import locks the official for its change before anything else, so it waits
     * there, the other's change goes through, and the import then writes its own over it. Both
     * imports share-locked the official before; each then waited for the other's lock to change
     * it, and one failed as a deadlock (409).
     */
    @Test
    void officialChangedByTwoImportsAtOnceTakesTheirChangesInTurnInsteadOfDeadlocking() throws Exception {
        String document = """
                {"officials": [{"externalId": "race:olga", "fullName": "%s", "countryCode": "LU"}],
                 "meetings": [{"externalId": "race:olga-talks", "kind": "TALKS", "title": "Talks with Olga",
                               "date": "2021-05-01", "participants": [{"officialRef": "race:olga"}]}]}""";
        Api.Reply first = api.post("/api/v1/imports").admin().json(document.formatted("Olga First")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long official = jdbc.sql("select id from officials where external_id = 'race:olga'")
                .query(Long.class).single();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "select from officials where id = " + official + " for share");
            CompletableFuture<Api.Reply> importing = CompletableFuture.supplyAsync(() -> api.post("/api/v1/imports")
                    .admin().json(document.formatted("Olga Third")).send());
            awaitWaitingForALock(jdbc, importing, 1);
            CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
                try {
                    execute(other, "update officials set full_name = 'Olga Second', version = version + 1"
                            + " where id = " + official);
                }
                catch (SQLException exception) {
                    throw new IllegalStateException(exception);
                }
            });
            assertThat(change).as("the other import's change is not held up by the waiting import")
                    .succeedsWithin(Duration.ofSeconds(10));
            other.commit();
            Api.Reply reply = importing.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        assertThat(jdbc.sql("select full_name from officials where id = ?").param(official).query(String.class)
                .single()).isEqualTo("Olga Third");
        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meetingId("race:olga-talks")))).containsExactly("Olga Third");
    }

    /**
     * The locks a JSON import holds on the officials it names (to change) and on those its meeting
     * only links to, looked at while the import is held up on the meeting's area (locked last):
     * named ones are locked for change, so not even a share lock is granted beside it; a linked
     * one only for share, so another share lock is granted and a change is not. The three
     * officials' ids alternate between the two kinds, so each is locked in a statement of its own.
     */
    @Test
    void anImportLocksTheOfficialsItNamesForChangeAndThoseItOnlyLinksToForShare() throws Exception {
        String officials = """
                {"externalId": "locks:first", "fullName": "Ann %1$s", "countryCode": "LU"},
                {"externalId": "locks:linked", "fullName": "Ben Linked", "countryCode": "LU"},
                {"externalId": "locks:last", "fullName": "Cy %1$s", "countryCode": "LU"}""";
        Api.Reply created = api.post("/api/v1/imports").admin()
                .json("{\"officials\": [" + officials.formatted("Before") + "]}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        List<Long> ids = jdbc.sql("select id from officials where external_id like 'locks:%' order by external_id")
                .query(Long.class).list();
        long first = ids.get(0);
        long last = ids.get(1);
        long linked = ids.get(2);
        assertThat(first).as("ids alternating between named and linked").isLessThan(linked);
        assertThat(linked).isLessThan(last);
        String document = """
                {"officials": [{"externalId": "locks:first", "fullName": "Ann After", "countryCode": "LU"},
                               {"externalId": "locks:last", "fullName": "Cy After", "countryCode": "LU"}],
                 "meetings": [{"externalId": "locks:talks", "kind": "TALKS", "title": "Talks of three",
                               "date": "2021-06-01", "cooperationAreas": ["health"],
                               "participants": [{"officialRef": "locks:first"}, {"officialRef": "locks:linked"},
                                                {"officialRef": "locks:last"}]}]}""";

        try (Connection area = dataSource.getConnection(); Connection probe = dataSource.getConnection()) {
            area.setAutoCommit(false);
            execute(area, "select from cooperation_areas where code = 'health' for update");
            CompletableFuture<Api.Reply> importing = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/imports").admin().json(document).send());
            awaitWaitingForALock(jdbc, importing, 1);
            assertThat(importing).as("the import waits for the area, its last lock").isNotDone();

            assertThat(lockable(probe, first, "share")).as("a named official").isFalse();
            assertThat(lockable(probe, last, "share")).as("a named official").isFalse();
            assertThat(lockable(probe, linked, "share")).as("an official only linked to").isTrue();
            assertThat(lockable(probe, linked, "no key update")).as("an official only linked to").isFalse();
            area.commit();
            Api.Reply reply = importing.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        assertEveryDocumentIsCurrent();
        assertThat(fullNames(stored(meetingId("locks:talks"))))
                .containsExactly("Ann After", "Ben Linked", "Cy After");
    }

    /**
     * Two imports changing one organization the same way at once: the second waits for the first
     * at its start, then finds the organization as the first left it, unchanged by its own
     * document. It had compared the organization with what it was before the first import and
     * counted it as updated, waiting only when it came to write it. The first import is held up by
     * an area its meeting links, locked last, after it has locked the organization.
     */
    @Test
    void organizationChangedByTwoImportsAtOnceIsComparedWithWhatTheFirstWrote() throws Exception {
        String organization = """
                {"externalId": "race:ministry", "name": "Ministry %s", "kind": "MINISTRY", "countryCode": "LU"}""";
        Api.Reply created = api.post("/api/v1/imports").admin()
                .json("{\"organizations\": [" + organization.formatted("Before") + "]}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String changed = "{\"organizations\": [" + organization.formatted("After") + "]";
        String changedWithAMeeting = changed + """
                , "officials": [{"externalId": "race:minister", "fullName": "Mia Minister", "countryCode": "LU"}],
                 "meetings": [{"externalId": "race:ministry-talks", "kind": "TALKS", "title": "Talks at the ministry",
                               "date": "2021-07-01", "cooperationAreas": ["health"],
                               "participants": [{"officialRef": "race:minister"}]}]}""";

        try (Connection area = dataSource.getConnection()) {
            area.setAutoCommit(false);
            execute(area, "select from cooperation_areas where code = 'health' for update");
            CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/imports").admin().json(changedWithAMeeting).send());
            awaitWaitingForALock(jdbc, first, 1);
            CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/imports").admin().json(changed + "}").send());
            awaitWaitingForALock(jdbc, second, 2);
            assertThat(first).as("the first import waits for the area").isNotDone();
            assertThat(second).as("the second import waits for the first").isNotDone();
            area.commit();
            Api.Reply firstReply = first.get(30, TimeUnit.SECONDS);
            assertThat(firstReply.status()).as(firstReply.toString()).isEqualTo(200);
            assertThat(firstReply.json().get("updated").asInt()).as(firstReply.toString()).isEqualTo(1);
            Api.Reply secondReply = second.get(30, TimeUnit.SECONDS);
            assertThat(secondReply.status()).as(secondReply.toString()).isEqualTo(200);
            assertThat(secondReply.json().get("updated").asInt()).as(secondReply.toString()).isZero();
            assertThat(secondReply.json().get("unchanged").asInt()).as(secondReply.toString()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select name from organizations where external_id = 'race:ministry'")
                .query(String.class).single()).isEqualTo("Ministry After");
        assertEveryDocumentIsCurrent();
    }

    /** Whether {@code probe}, in a transaction of its own, is granted {@code strength} on the official at once. */
    private static boolean lockable(Connection probe, long official, String strength) throws SQLException {
        try {
            execute(probe, "select from officials where id = " + official + " for " + strength + " nowait");
            return true;
        }
        catch (SQLException exception) {
            assertThat(exception.getSQLState()).as("lock not available").isEqualTo("55P03");
            return false;
        }
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
            awaitWaitingForALock(jdbc, updating, 1);
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
            awaitWaitingForALock(jdbc, updating, 1);
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
            awaitWaitingForALock(jdbc, link, 1);
            assertThat(link).as("the link waits for the uncommitted change").isNotDone();
            changing.commit();
            link.get(30, TimeUnit.SECONDS);
        }
    }
}
