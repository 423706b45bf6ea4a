package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Admin writes of meetings and officials through HTTP, security and PostgreSQL. */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, TestLogins.JWT_PROPERTY,
        "diplomatic-contacts.test.context=meeting-writes"})
class MeetingWriteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** The reply of a create, checked to be 201. */
    static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private long createOfficial(String name, List<Map<String, Object>> positions) {
        return created(api.post("/api/v1/officials").admin()
                .json(Map.of("fullName", name, "countryCode", "LU", "positions", positions)).send())
                .json().get("id").asLong();
    }

    private static Map<String, Object> position(String title, String start, String end) {
        Map<String, Object> position = new java.util.HashMap<>();
        position.put("title", title);
        position.put("startDate", start);
        position.put("endDate", end);
        return position;
    }

    static Map<String, Object> meeting(String title, String date, List<Map<String, Object>> participants) {
        return Map.of("kind", "MEETING", "title", title, "date", date,
                "location", Map.of("city", "Luxembourg", "countryCode", "LU"), "participants", participants,
                "cooperationAreas", List.of("health"),
                "sources", List.of(Map.of("url", "https://example.org/news/1", "publisher", "Example")));
    }

    private static String roleOf(JsonNode meeting, long officialId) {
        for (JsonNode participant : meeting.get("participants")) {
            if (participant.at("/official/id").asLong() == officialId) {
                return participant.get("role").isNull() ? null : participant.get("role").asString();
            }
        }
        throw new AssertionError("official " + officialId + " not in " + meeting);
    }

    private static String countryOf(JsonNode meeting, long officialId) {
        for (JsonNode participant : meeting.get("participants")) {
            if (participant.at("/official/id").asLong() == officialId) {
                return participant.get("countryCode").asString();
            }
        }
        throw new AssertionError("official " + officialId + " not in " + meeting);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void createdMeetingAnswers201WithLocationAndETagAndAConditionalReadAnswers304() {
        Api.Reply reply = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Created for 304", "2019-05-02", List.of(Map.of("officialId", 1)))).send());

        long id = reply.json().get("id").asLong();
        assertThat(reply.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/meetings/" + id));
        assertThat(reply.header("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"\\d+\""));

        Api.Reply read = api.get("/api/v1/meetings/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(reply.header("ETag"));
        Api.Reply conditional = api.get("/api/v1/meetings/" + id)
                .header("If-None-Match", reply.header("ETag").orElseThrow()).send();
        assertThat(conditional.status()).isEqualTo(304);
        assertThat(conditional.body()).isEmpty();
    }

    @Test
    void roleLeftOutIsThePostHeldOnTheMeetingDateAndCountryLeftOutIsTheOfficials() {
        long official = createOfficial("Jean Testeur", List.of(
                position("Minister of Finance", "2010-01-01", "2015-12-31"),
                position("Prime Minister", "2016-01-01", null)));

        JsonNode in2012 = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Talks in 2012", "2012", List.of(Map.of("officialId", official)))).send()).json();
        JsonNode in2019 = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Talks in 2019", "2019-05-02", List.of(Map.of("officialId", official)))).send()).json();

        assertThat(roleOf(in2012, official)).isEqualTo("Minister of Finance");
        assertThat(roleOf(in2019, official)).isEqualTo("Prime Minister");
        assertThat(countryOf(in2012, official)).isEqualTo("LU");
        assertThat(countryOf(in2019, official)).isEqualTo("LU");
    }

    @Test
    void twoPostsHeldAtOnceAreJoinedWithACommaAndAnExplicitRoleWins() {
        long official = createOfficial("Marie Doublon", List.of(
                position("Minister of the Economy", "2013-12-04", null),
                position("Minister of Health", "2018-12-05", null)));

        JsonNode derived = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Two hats", "2019-03-01", List.of(Map.of("officialId", official)))).send()).json();
        JsonNode explicit = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Envoy", "2019-03-01", List.of(Map.of("officialId", official,
                        "role", "Special Envoy", "countryCode", "KZ"))))
                .send()).json();

        assertThat(roleOf(derived, official)).isEqualTo("Minister of the Economy, Minister of Health");
        assertThat(roleOf(explicit, official)).isEqualTo("Special Envoy");
        assertThat(countryOf(explicit, official)).isEqualTo("KZ");
    }

    /**
     * An official of the history.state.gov data holds a post per visit: a meeting spanning
     * several of them names the title once, and a role never outgrows its 500 characters.
     */
    @Test
    void aTitleHeldInSeveralPostsIsNamedOnceAndADerivedRoleFitsItsColumn() {
        String longTitle = "Minister " + "of Very Long Affairs ".repeat(13);
        long official = createOfficial("Victor Visits", List.of(
                position("Prime Minister", "2019-01-10", "2019-01-12"),
                position("Prime Minister", "2019-03-01", "2019-03-02"),
                position(longTitle.strip(), "2019-01-01", null),
                position(longTitle.strip() + " and Trade", "2019-01-01", null)));

        Api.Reply reply = api.post("/api/v1/meetings").admin()
                .json(meeting("A year of visits", "2019", List.of(Map.of("officialId", official)))).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(roleOf(reply.json(), official)).as("the fourth title would not fit")
                .isEqualTo("Prime Minister, " + longTitle.strip());
    }

    @Test
    void aLocationNeverCarriesTheQueryTheCreatingRequestHad() {
        Api.Reply reply = created(api.post("/api/v1/meetings?padding=" + "x".repeat(2100)).admin()
                .header("Idempotency-Key", "with-a-long-query")
                .json(meeting("Created with a query", "2019-05-02", List.of(Map.of("officialId", 1)))).send());

        long id = reply.json().get("id").asLong();
        assertThat(reply.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/meetings/" + id));
        Api.Reply retry = api.post("/api/v1/meetings?padding=" + "x".repeat(2100)).admin()
                .header("Idempotency-Key", "with-a-long-query")
                .json(meeting("Created with a query", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(retry.header("Idempotent-Replayed")).as(retry.toString()).hasValue("true");
        assertThat(retry.json().get("id").asLong()).as("no second meeting").isEqualTo(id);
    }

    @Test
    void updateWithoutIfMatchIsRefusedWith428AndWithAStaleETagWith412AndNothingChanges() {
        Api.Reply created = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Before update", "2019-05-02", List.of(Map.of("officialId", 1)))).send());
        long id = created.json().get("id").asLong();
        String etag = created.header("ETag").orElseThrow();

        Api.Reply noIfMatch = api.put("/api/v1/meetings/" + id).admin()
                .json(meeting("Without If-Match", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.isProblem()).isTrue();

        Api.Reply first = api.put("/api/v1/meetings/" + id).admin().header("If-Match", etag)
                .json(meeting("First update", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

        Api.Reply stale = api.put("/api/v1/meetings/" + id).admin().header("If-Match", etag)
                .json(meeting("Lost update", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        Api.Reply staleDelete = api.delete("/api/v1/meetings/" + id).admin().header("If-Match", etag).send();
        assertThat(staleDelete.status()).isEqualTo(412);
        Api.Reply deleteWithout = api.delete("/api/v1/meetings/" + id).admin().send();
        assertThat(deleteWithout.status()).isEqualTo(428);

        assertThat(api.get("/api/v1/meetings/" + id).send().json().get("title").asString()).isEqualTo("First update");
    }

    @Test
    void anOfficialStillInMeetingsCannotBeDeletedAndStaysWhole() {
        long official = createOfficial("Paul Attache", List.of(position("Attaché", "2015-01-01", null)));
        created(api.post("/api/v1/meetings").admin()
                .json(meeting("Keeps the official", "2019-05-02", List.of(Map.of("officialId", official)))).send());
        Api.Reply read = api.get("/api/v1/officials/" + official).send();
        long officials = count("officials");
        long positions = count("positions");

        Api.Reply refused = api.delete("/api/v1/officials/" + official).admin()
                .header("If-Match", read.header("ETag").orElseThrow()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api.get("/api/v1/officials/" + official).send().body()).isEqualTo(read.body());
        assertThat(count("officials")).isEqualTo(officials);
        assertThat(count("positions")).isEqualTo(positions);
    }

    @Test
    void anAreaUsedByMeetingsCannotBeDeleted() {
        created(api.post("/api/v1/cooperation-areas").admin().json(Map.of("code", "fisheries", "name", "Fisheries"))
                .send());
        created(api.post("/api/v1/meetings").admin().json(Map.of("kind", "TALKS", "title", "Fish talks",
                "date", "2020-02", "participants", List.of(Map.of("officialId", 2)),
                "cooperationAreas", List.of("fisheries"))).send());
        Api.Reply area = api.get("/api/v1/cooperation-areas/fisheries").send();

        Api.Reply refused = api.delete("/api/v1/cooperation-areas/fisheries").admin()
                .header("If-Match", area.header("ETag").orElseThrow()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api.get("/api/v1/cooperation-areas/fisheries").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/meetings?area=fisheries").send().json().at("/page/totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void aMeetingsHistoryRecordsCreateUpdateAndDeleteByTheAdminAndOutlivesTheMeeting() {
        Api.Reply created = created(api.post("/api/v1/meetings").admin()
                .json(meeting("Original title", "2019-05-02", List.of(Map.of("officialId", 1)))).send());
        long id = created.json().get("id").asLong();
        Api.Reply updated = api.put("/api/v1/meetings/" + id).admin()
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(meeting("Corrected title", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(updated.status()).isEqualTo(200);
        Api.Reply deleted = api.delete("/api/v1/meetings/" + id).admin()
                .header("If-Match", updated.header("ETag").orElseThrow()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/meetings/" + id).send().status()).isEqualTo(404);

        Api.Reply history = api.get("/api/v1/meetings/" + id + "/history").send();

        assertThat(history.status()).as("history outlives the delete: " + history).isEqualTo(200);
        List<JsonNode> entries = history.json().valueStream().toList();
        assertThat(entries).extracting(entry -> entry.get("action").asString())
                .containsExactly("CREATE", "UPDATE", "DELETE");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo("admin");
            assertThat(entry.get("at").asString()).isNotBlank();
        });
        JsonNode create = entries.get(0);
        assertThat(create.get("before").isNull()).isTrue();
        assertThat(create.at("/after/title").asString()).isEqualTo("Original title");
        JsonNode update = entries.get(1);
        assertThat(update.at("/before/title").asString()).isEqualTo("Original title");
        assertThat(update.at("/after/title").asString()).isEqualTo("Corrected title");
        assertThat(update.get("changedFields").valueStream().map(JsonNode::asString).toList()).contains("title")
                .doesNotContain("date", "participants");
        JsonNode delete = entries.get(2);
        assertThat(delete.at("/before/title").asString()).isEqualTo("Corrected title");
        assertThat(delete.get("after").isNull()).isTrue();
    }

    @Test
    void anOfficialsHistoryRecordsEveryChangeWithTheActorIncludingAJwtAdmin() {
        long id = createOfficial("Anna Original", List.of(position("Consul", "2011-01-01", null)));
        Api.Reply read = api.get("/api/v1/officials/" + id).send();
        Api.Reply renamed = api.put("/api/v1/officials/" + id).header("Authorization", TestLogins.adminJwt())
                .header("If-Match", read.header("ETag").orElseThrow())
                .json(Map.of("fullName", "Anna Renamed", "countryCode", "LU",
                        "positions", List.of(position("Consul", "2011-01-01", null))))
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Api.Reply deleted = api.delete("/api/v1/officials/" + id).admin()
                .header("If-Match", renamed.header("ETag").orElseThrow()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

        Api.Reply history = api.get("/api/v1/officials/" + id + "/history").send();

        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> entries = history.json().valueStream().toList();
        assertThat(entries).extracting(entry -> entry.get("action").asString() + " by " + entry.get("actor").asString())
                .containsExactly("CREATE by admin", "UPDATE by jwt-admin", "DELETE by admin");
        assertThat(entries.get(1).get("changedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("fullName");
        assertThat(entries.get(1).at("/before/fullName").asString()).isEqualTo("Anna Original");
        assertThat(entries.get(1).at("/after/fullName").asString()).isEqualTo("Anna Renamed");
        assertThat(entries.get(2).at("/before/fullName").asString()).isEqualTo("Anna Renamed");
    }
}
