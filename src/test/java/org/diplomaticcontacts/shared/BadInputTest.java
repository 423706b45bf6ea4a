package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Bad write bodies: each is refused with a problem naming the field, and nothing is written. */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "diplomatic-contacts.test.context=bad-input"})
class BadInputTest {

    static final String VALID_MEETING = """
            {"kind": "MEETING", "title": "Valid talks", "summary": "Short", "date": "2019-05-02",
             "location": {"city": "Luxembourg", "countryCode": "LU"},
             "participants": [{"officialId": 1}, {"officialId": 2, "role": "Host"}],
             "cooperationAreas": ["health"],
             "outcomes": [{"type": "AGREEMENT", "description": "Agreed"}],
             "sources": [{"url": "https://example.org/a", "publisher": "Example"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Row counts of every table a write touches. */
    private Map<String, Long> rows() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("meetings", "meeting_participants", "meeting_cooperation_areas", "meeting_outcomes",
                "meeting_sources", "meeting_relations", "officials", "official_aliases", "positions", "organizations",
                "cooperation_areas", "change_history", "idempotency_keys")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static String meetingWith(String field, String jsonValue) {
        String replaced = VALID_MEETING.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\})",
                Matcher.quoteReplacement("\"" + field + "\": " + jsonValue));
        assertThat(replaced).as("test setup: field %s replaced", field).isNotEqualTo(VALID_MEETING);
        return replaced;
    }

    private static String meetingWithout(String field) {
        String removed = VALID_MEETING.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}),?", "");
        assertThat(removed).as("test setup: field %s removed", field).isNotEqualTo(VALID_MEETING);
        return removed;
    }

    static Stream<Arguments> badMeetings() {
        return Stream.of(
                Arguments.of("malformed JSON", VALID_MEETING.substring(0, 40), null),
                Arguments.of("not an object", "[1, 2, 3]", null),
                Arguments.of("empty body", "", null),
                Arguments.of("participants of the wrong type", meetingWith("participants", "\"Etgen\""),
                        "participants"),
                Arguments.of("date of the wrong type", meetingWith("date", "{\"year\": 2019}"), "date"),
                Arguments.of("kind not a kind", meetingWith("kind", "\"PICNIC\""), "kind"),
                Arguments.of("unknown property", VALID_MEETING.replace("{\"kind\"", "{\"colour\": \"red\", \"kind\""),
                        "colour"),
                Arguments.of("server-owned id", VALID_MEETING.replace("{\"kind\"", "{\"id\": 1, \"kind\""), "id"),
                Arguments.of("server-owned version", VALID_MEETING.replace("{\"kind\"", "{\"version\": 7, \"kind\""),
                        "version"),
                Arguments.of("missing title", meetingWithout("title"), "title"),
                Arguments.of("blank title", meetingWith("title", "\"   \""), "title"),
                Arguments.of("missing kind", meetingWithout("kind"), "kind"),
                Arguments.of("missing date", meetingWithout("date"), "date"),
                Arguments.of("empty participants", meetingWith("participants", "[]"), "participants"),
                Arguments.of("impossible day", meetingWith("date", "\"2019-02-30\""), "date"),
                Arguments.of("reversed interval", meetingWith("date", "\"2020/2019\""), "date"),
                Arguments.of("not a date", meetingWith("date", "\"last week\""), "date"),
                Arguments.of("unknown official", meetingWith("participants", "[{\"officialId\": 999999}]"),
                        "participants[0].officialId"),
                Arguments.of("official twice",
                        meetingWith("participants", "[{\"officialId\": 1}, {\"officialId\": 1}]"),
                        "participants[1].officialId"),
                Arguments.of("participant without official", meetingWith("participants", "[{\"role\": \"Host\"}]"),
                        "participants[0].officialId"),
                Arguments.of("unknown participant country",
                        meetingWith("participants", "[{\"officialId\": 1, \"countryCode\": \"XX\"}]"),
                        "participants[0].countryCode"),
                Arguments.of("unknown location country", meetingWith("location", "{\"countryCode\": \"QQ\"}"),
                        "location.countryCode"),
                Arguments.of("unknown area", meetingWith("cooperationAreas", "[\"health\", \"no-such-area\"]"),
                        "cooperationAreas[1]"),
                Arguments.of("unknown related meeting", VALID_MEETING.replace("{\"kind\"",
                        "{\"relatedMeetingIds\": [999999], \"kind\""), "relatedMeetingIds[0]"),
                Arguments.of("title too long", meetingWith("title", "\"" + "t".repeat(501) + "\""), "title"),
                Arguments.of("javascript source", meetingWith("sources", "[{\"url\": \"javascript:alert(1)\"}]"),
                        "sources[0].url"),
                Arguments.of("ftp source", meetingWith("sources", "[{\"url\": \"ftp://example.org/a\"}]"),
                        "sources[0].url"),
                Arguments.of("source without url", meetingWith("sources", "[{\"publisher\": \"Someone\"}]"),
                        "sources[0].url"),
                Arguments.of("outcome of unknown type",
                        meetingWith("outcomes", "[{\"type\": \"WAR\", \"description\": \"x\"}]"), "outcomes[0].type"),
                Arguments.of("year 0000, which PostgreSQL would write back as 1 BC", meetingWith("date", "\"0000\""),
                        "date"),
                Arguments.of("an interval starting in year 0000", meetingWith("date", "\"0000-12/2019\""), "date"),
                Arguments.of("source published in year 0000",
                        meetingWith("sources", "[{\"url\": \"https://a.org\", \"publishedOn\": \"0000-06-01\"}]"),
                        "sources[0].publishedOn"),
                Arguments.of("source published after year 9999",
                        meetingWith("sources", "[{\"url\": \"https://a.org\", \"publishedOn\": \"+10000-01-01\"}]"),
                        "sources[0].publishedOn"),
                Arguments.of("a NUL character in the title, which PostgreSQL cannot store",
                        meetingWith("title", "\"Talks\\u0000\""), null),
                Arguments.of("a NUL character in an outcome, written only at commit",
                        meetingWith("outcomes", "[{\"type\": \"STATEMENT\", \"description\": \"x\\u0000\"}]"), null),
                Arguments.of("source published on an impossible day",
                        meetingWith("sources", "[{\"url\": \"https://a.org\", \"publishedOn\": \"2019-13-01\"}]"),
                        "sources[0].publishedOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeetings")
    void aBadMeetingIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten(String what, String body,
            String field) {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/meetings").admin().json(body).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        if (field != null) {
            assertThat(reply.errorFields()).as(reply.toString()).contains(field);
        }
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeetings")
    void aBadMeetingUpdateIsRefusedAndLeavesTheMeetingAsItWas(String what, String body, String field) {
        Api.Reply current = api.get("/api/v1/meetings/1").send();
        Map<String, Long> before = rows();

        Api.Reply reply = api.put("/api/v1/meetings/1").admin().header("If-Match", current.header("ETag").orElseThrow())
                .json(body).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        if (field != null && !field.equals("id") && !field.startsWith("relatedMeetingIds")) {
            assertThat(reply.errorFields()).as(reply.toString()).contains(field);
        }
        assertThat(rows()).isEqualTo(before);
        assertThat(api.get("/api/v1/meetings/1").send().body()).isEqualTo(current.body());
    }

    static Stream<Arguments> badOfficials() {
        return Stream.of(
                Arguments.of("unknown organization in a position", """
                        {"fullName": "A B", "positions": [{"title": "Envoy", "organizationId": 999999}]}""",
                        "positions[0].organizationId"),
                Arguments.of("unknown country", "{\"fullName\": \"A B\", \"countryCode\": \"ZZ\"}", "countryCode"),
                Arguments.of("name too long", "{\"fullName\": \"" + "n".repeat(301) + "\"}", "fullName"),
                Arguments.of("missing name", "{\"countryCode\": \"LU\"}", "fullName"),
                Arguments.of("position ending before it starts", """
                        {"fullName": "A B", "positions": [{"title": "Envoy", "startDate": "2020-01-01",
                         "endDate": "2019-01-01"}]}""", "positions[0].startDate"),
                Arguments.of("impossible start day", """
                        {"fullName": "A B", "positions": [{"title": "Envoy", "startDate": "2019-02-30"}]}""",
                        "positions[0].startDate"),
                Arguments.of("position starting in year 0000", """
                        {"fullName": "A B", "positions": [{"title": "Envoy", "startDate": "0000-01-01"}]}""",
                        "positions[0].startDate"),
                Arguments.of("position ending after year 9999", """
                        {"fullName": "A B", "positions": [{"title": "Envoy", "endDate": "+10000-01-01"}]}""",
                        "positions[0].endDate"),
                Arguments.of("aliases of the wrong type", "{\"fullName\": \"A B\", \"aliases\": {\"x\": 1}}",
                        "aliases"),
                Arguments.of("server-owned id", "{\"id\": 1, \"fullName\": \"A B\"}", "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOfficials")
    void aBadOfficialIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten(String what, String body, String field) {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/officials").admin().json(body).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).as(reply.toString()).contains(field);
        assertThat(rows()).isEqualTo(before);
    }

    /**
     * A hundred participants with fifty long aliases each, all within the API's limits, make a
     * search document over PostgreSQL's 1 MB for a text search vector: the meeting is refused
     * as too large (422), not a 500, and nothing of it is written.
     */
    @Test
    void aMeetingWhoseSearchDocumentWouldPassPostgresqlsLimitIsA422() throws Exception {
        List<Long> officials = jdbc.sql("""
                insert into officials (full_name, country_code)
                select 'Alias Holder ' || n, 'LU' from generate_series(1, 100) n returning id""")
                .query(Long.class).list();
        try {
            jdbc.sql("""
                    insert into official_aliases (official_id, alias)
                    select o, (select string_agg(repeat(md5(o || '-' || a || '-' || w), 4), ' ')
                               from generate_series(1, 2) w)
                    from unnest(cast(:officials as bigint[])) o, generate_series(1, 50) a""")
                    .param("officials", officials.toArray(Long[]::new)).update();
            Map<String, Long> before = rows();
            String body = Api.JSON.writeValueAsString(Map.of("kind", "CONFERENCE", "title", "Everyone at once",
                    "date", "2019", "participants", officials.stream().map(id -> Map.of("officialId", id)).toList()));

            Api.Reply reply = api.post("/api/v1/meetings").admin().json(body).send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.isProblem()).isTrue();
            assertThat(rows()).isEqualTo(before);
        }
        finally {
            jdbc.sql("delete from officials where id = any(cast(:officials as bigint[]))")
                    .param("officials", officials.toArray(Long[]::new)).update();
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413BeforeAnythingIsWritten() {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/meetings").admin().json(oversizedMeeting()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsCutOffWith413() {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/meetings").admin()
                .chunkedJson(oversizedMeeting().getBytes(StandardCharsets.UTF_8)).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverOneMebibyteWithAnIdempotencyKeyIsAlso413AndLeavesNoKey() {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/meetings").admin().header("Idempotency-Key", "too-big")
                .chunkedJson(oversizedMeeting().getBytes(StandardCharsets.UTF_8)).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aRefusedPostWithAnIdempotencyKeyFreesTheKeyForTheCorrectedRequest() {
        Map<String, Long> before = rows();
        Api.Reply refused = api.post("/api/v1/meetings").admin().header("Idempotency-Key", "fix-and-retry")
                .json(meetingWith("date", "\"2019-02-30\"")).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(rows()).isEqualTo(before);

        Api.Reply corrected = api.post("/api/v1/meetings").admin().header("Idempotency-Key", "fix-and-retry")
                .json(VALID_MEETING).send();

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isEmpty();
        long id = corrected.json().get("id").asLong();
        Api.Reply current = api.get("/api/v1/meetings/" + id).send();
        assertThat(api.delete("/api/v1/meetings/" + id).admin().header("If-Match", current.header("ETag").orElseThrow())
                .send().status()).isEqualTo(204);
    }

    static Stream<Arguments> repeatedReferences() {
        return Stream.of(
                Arguments.of("the same area twice", meetingWith("cooperationAreas", "[\"health\", \"health\"]"),
                        "cooperationAreas[1]"),
                Arguments.of("the same related meeting twice", VALID_MEETING.replace("{\"kind\"",
                        "{\"relatedMeetingIds\": [2, 2], \"kind\""), "relatedMeetingIds[1]"));
    }

    /**
     * A client's own repetition is either taken once (a set of references) or refused as a field
     * error — never a 409 "conflict with the registry" that no retry could resolve, never a 5xx.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatedReferences")
    void aReferenceRepeatedInOneMeetingIsStoredOnceOrRefusedAsAFieldError(String what, String body, String field) {
        Map<String, Long> before = rows();

        Api.Reply reply = api.post("/api/v1/meetings").admin().json(body).send();

        assertThat(reply.status()).as(reply.toString()).isIn(201, 400);
        if (reply.status() == 400) {
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.errorFields()).as(reply.toString()).contains(field);
            assertThat(rows()).isEqualTo(before);
            return;
        }
        JsonNode created = reply.json();
        String list = field.startsWith("cooperationAreas") ? "cooperationAreas" : "relatedMeetings";
        assertThat(created.get(list)).as(reply.toString()).hasSize(1);
        Api.Reply current = api.get("/api/v1/meetings/" + created.get("id").asLong()).send();
        assertThat(api.delete("/api/v1/meetings/" + created.get("id").asLong()).admin()
                .header("If-Match", current.header("ETag").orElseThrow()).send().status()).isEqualTo(204);
    }

    private static String oversizedMeeting() {
        return meetingWith("summary", "\"" + "s".repeat(1024 * 1024 + 10) + "\"");
    }
}
