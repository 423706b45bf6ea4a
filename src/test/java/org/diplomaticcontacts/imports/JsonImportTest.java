package org.diplomaticcontacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/imports: all or nothing, matched by external id, references by external id. */
@IntegrationTest
@TestPropertySource(properties = "spring.security.user.password=import-secret")
class JsonImportTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    private static final String DOCUMENT = """
            {"organizations": [
               {"externalId": "test-org:foreign-ministry", "name": "Ministry of Foreign Affairs of Ruritania",
                "kind": "MINISTRY", "countryCode": "FR"}],
             "cooperationAreas": [{"code": "test-energy", "name": "Energy"},
                                  {"code": "test-solar", "name": "Solar energy", "parentRef": "test-energy"}],
             "officials": [
               {"externalId": "test-person:a", "fullName": "Anne Example", "countryCode": "FR",
                "aliases": ["Anne Exemple"],
                "positions": [{"title": "Foreign Minister", "organizationRef": "test-org:foreign-ministry",
                               "startDate": "2015-01-01", "endDate": "2019-12-31"},
                              {"title": "Prime Minister", "startDate": "2020-01-01"}]},
               {"externalId": "test-person:b", "fullName": "Bruno Beispiel", "countryCode": "DEU"}],
             "meetings": [
               {"externalId": "test-meeting:1", "kind": "TALKS", "title": "Example talks on solar energy",
                "date": "2018-05", "location": {"city": "Paris", "countryCode": "FR"},
                "participants": [{"officialRef": "test-person:a"}, {"officialRef": "test-person:b", "role": "Guest"}],
                "cooperationAreas": ["test-solar"],
                "outcomes": [{"type": "AGREEMENT", "description": "Agreed to meet again"}],
                "sources": [{"url": "https://example.org/talks", "publisher": "Example News"}]},
               {"externalId": "test-meeting:2", "kind": "CALL", "title": "Example follow-up call",
                "date": "2021-03-02", "participants": [{"officialRef": "test-person:a"}],
                "relatedRefs": ["test-meeting:1"]}]}
            """;

    private RestTestClient.ResponseSpec post(String document) {
        return http.post().uri("/api/v1/imports").headers(headers -> headers.setBasicAuth("admin", "import-secret"))
                .contentType(MediaType.APPLICATION_JSON).body(document).exchange();
    }

    private JsonNode get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    private int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @Test
    void importsADocumentThenAgainChangesNothingThenACorrectionUpdatesOnlyThatRecord() {
        JsonNode first = post(DOCUMENT).expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(first.get("created").asInt()).isEqualTo(7);
        assertThat(first.get("rejected")).isEmpty();

        JsonNode meeting = get("/api/v1/meetings?q=solar").at("/content/0");
        assertThat(meeting.get("date").asString()).isEqualTo("2018-05");
        assertThat(meeting.at("/participants/0/role").asString()).as("derived from the post held in 2018")
                .isEqualTo("Foreign Minister");
        assertThat(meeting.at("/participants/0/countryCode").asString()).isEqualTo("FR");
        assertThat(meeting.at("/participants/1/countryCode").asString()).as("alpha-3 resolved").isEqualTo("DE");
        assertThat(meeting.at("/participants/1/role").asString()).isEqualTo("Guest");
        assertThat(get("/api/v1/meetings?area=test-energy").at("/page/totalElements").asInt())
                .as("sub-area imported under its parent").isEqualTo(1);
        JsonNode call = get("/api/v1/meetings?q=follow-up").at("/content/0");
        assertThat(call.at("/participants/0/role").asString()).isEqualTo("Prime Minister");
        assertThat(call.at("/relatedMeetings/0/id").asLong()).isEqualTo(meeting.get("id").asLong());

        int history = rows("change_history");
        JsonNode again = post(DOCUMENT).expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(7);
        assertThat(rows("change_history")).isEqualTo(history);

        JsonNode corrected = post(DOCUMENT.replace("Example follow-up call", "Example follow-up video call"))
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(corrected.get("updated").asInt()).isEqualTo(1);
        assertThat(corrected.get("unchanged").asInt()).isEqualTo(6);
        long callId = call.get("id").asLong();
        assertThat(get("/api/v1/meetings/" + callId).get("title").asString()).isEqualTo("Example follow-up video call");
        JsonNode trace = get("/api/v1/meetings/" + callId + "/history");
        assertThat(trace.get(trace.size() - 1).get("action").asString()).isEqualTo("UPDATE");
        assertThat(trace.get(trace.size() - 1).at("/before/title").asString()).isEqualTo("Example follow-up call");
    }

    @Test
    void oneBadRecordRejectsTheWholeDocumentAndWritesNothing() {
        int meetings = rows("meetings");
        int officials = rows("officials");
        String bad = DOCUMENT.replace("\"countryCode\": \"DEU\"", "\"countryCode\": \"XX\"")
                .replace("\"date\": \"2021-03-02\"", "\"date\": \"2021-02-30\"");
        JsonNode report = post(bad.replace("test-", "bad-")).expectStatus().isEqualTo(422)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(report.get("rejected")).hasSize(2);
        assertThat(report.at("/rejected/0/kind").asString()).isEqualTo("official");
        assertThat(report.at("/rejected/0/externalId").asString()).isEqualTo("bad-person:b");
        assertThat(report.at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(report.at("/rejected/0/errors/0").asString()).contains("countryCode");
        assertThat(report.at("/rejected/1/kind").asString()).isEqualTo("meeting");
        assertThat(report.at("/rejected/1/errors/0").asString()).startsWith("date:");
        assertThat(rows("meetings")).isEqualTo(meetings);
        assertThat(rows("officials")).isEqualTo(officials);
    }

    @Test
    void unknownReferencesAndParentCyclesAreRefused() {
        int organizations = rows("organizations");
        JsonNode unknown = post("""
                {"meetings": [{"externalId": "x:1", "kind": "MEETING", "title": "t", "date": "2019",
                               "participants": [{"officialRef": "nobody:1"}], "relatedRefs": ["x:404"]}]}""")
                .expectStatus().isEqualTo(422).returnResult(JsonNode.class).getResponseBody();
        assertThat(unknown.at("/rejected/0/errors").toString()).contains("officialRef", "relatedRefs[0]");

        JsonNode cycle = post("""
                {"organizations": [
                   {"externalId": "cyc:a", "name": "A", "kind": "OTHER", "parentRef": "cyc:b"},
                   {"externalId": "cyc:b", "name": "B", "kind": "OTHER", "parentRef": "cyc:a"}]}""")
                .expectStatus().isEqualTo(422).returnResult(JsonNode.class).getResponseBody();
        assertThat(cycle.get("rejected")).hasSize(2);
        assertThat(cycle.at("/rejected/0/errors/0").asString()).contains("cycle");
        assertThat(rows("organizations")).isEqualTo(organizations);
    }

    /**
     * The chains of parents are checked as the registry will hold them: the stored parents with
     * the document's over them. A parent the document reverses is no cycle.
     */
    @Test
    void aCycleThroughStoredParentsIsRefusedAndAReversedParentIsNot() {
        JsonNode areaCycle = post("""
                {"cooperationAreas": [{"code": "health", "name": "Health", "parentCode": "telemedicine"}]}""")
                .expectStatus().isEqualTo(422).returnResult(JsonNode.class).getResponseBody();
        assertThat(areaCycle.at("/rejected/0/kind").asString()).isEqualTo("cooperationArea");
        assertThat(areaCycle.at("/rejected/0/externalId").asString()).isEqualTo("health");
        assertThat(areaCycle.at("/rejected/0/errors/0").asString()).contains("cycle");
        assertThat(jdbc.queryForObject("select parent_code from cooperation_areas where code = 'health'", String.class))
                .isNull();

        post("""
                {"organizations": [
                   {"externalId": "chain:top", "name": "Top", "kind": "OTHER"},
                   {"externalId": "chain:sub", "name": "Sub", "kind": "OTHER", "parentRef": "chain:top"}]}""")
                .expectStatus().isOk();
        long top = jdbc.queryForObject("select id from organizations where external_id = 'chain:top'", Long.class);
        long sub = jdbc.queryForObject("select id from organizations where external_id = 'chain:sub'", Long.class);
        JsonNode organizationCycle = post("""
                {"organizations": [{"externalId": "chain:top", "name": "Top", "kind": "OTHER", "parentId": %d}]}"""
                .formatted(sub)).expectStatus().isEqualTo(422).returnResult(JsonNode.class).getResponseBody();
        assertThat(organizationCycle.at("/rejected/0/externalId").asString()).isEqualTo("chain:top");
        assertThat(organizationCycle.at("/rejected/0/errors/0").asString()).contains("cycle");

        post("""
                {"organizations": [
                   {"externalId": "chain:top", "name": "Top", "kind": "OTHER", "parentRef": "chain:sub"},
                   {"externalId": "chain:sub", "name": "Sub", "kind": "OTHER"}]}""")
                .expectStatus().isOk();
        assertThat(jdbc.queryForObject("select parent_id from organizations where id = ?", Long.class, top))
                .isEqualTo(sub);
        assertThat(jdbc.queryForObject("select parent_id from organizations where id = ?", Long.class, sub)).isNull();
    }

    /**
     * The document check lays the document's parents over the stored ones, but an area the import
     * finds unchanged since its last run is not written: a parent an admin set since then stays,
     * and PostgreSQL refuses the cycle at commit (V39). Still a 422, and nothing is written.
     */
    @Test
    void aCycleWithAParentChangedSinceTheLastImportIsA422() {
        post("""
                {"cooperationAreas": [{"code": "since-top", "name": "Top"}, {"code": "since-sub", "name": "Sub"}]}""")
                .expectStatus().isOk();
        jdbc.update("update cooperation_areas set parent_code = 'since-top' where code = 'since-sub'");

        post("""
                {"cooperationAreas": [{"code": "since-top", "name": "Top", "parentCode": "since-sub"},
                                      {"code": "since-sub", "name": "Sub"}]}""")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(jdbc.queryForObject("select parent_code from cooperation_areas where code = 'since-top'",
                String.class)).isNull();
    }

    @Test
    void anOfficialNamedByIdAndAgainByExternalIdIsRefusedAsAParticipantTwice() {
        post("""
                {"officials": [{"externalId": "twice:p", "fullName": "Paula Twice"}]}""").expectStatus().isOk();
        long id = jdbc.queryForObject("select id from officials where external_id = 'twice:p'", Long.class);
        int meetings = rows("meetings");

        JsonNode report = post("""
                {"meetings": [{"externalId": "twice:m", "kind": "MEETING", "title": "t", "date": "2019",
                               "participants": [{"officialId": %d}, {"officialRef": "twice:p"}]}]}""".formatted(id))
                .expectStatus().isEqualTo(422).returnResult(JsonNode.class).getResponseBody();

        assertThat(report.at("/rejected/0/errors").toString()).contains("participants[1]: this official is already");
        assertThat(rows("meetings")).isEqualTo(meetings);
    }

    /** An import is idempotent by its external ids; its answer is not kept (its body may be 256 MB). */
    @Test
    void anImportWithAnIdempotencyKeyRunsAgainAndReportsWhatItFinds() {
        String document = """
                {"cooperationAreas": [{"code": "keyed-area", "name": "Keyed"}]}""";
        for (int run = 0; run < 2; run++) {
            RestTestClient.ResponseSpec reply = http.post().uri("/api/v1/imports")
                    .headers(headers -> headers.setBasicAuth("admin", "import-secret"))
                    .header("Idempotency-Key", "import-key").contentType(MediaType.APPLICATION_JSON).body(document)
                    .exchange();
            reply.expectHeader().doesNotExist("Idempotent-Replayed");
            JsonNode report = reply.expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
            assertThat(report.get(run == 0 ? "created" : "unchanged").asInt()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = 'import-key'",
                Integer.class)).isZero();
    }

    @Test
    void aDocumentThatIsNotJsonOrHasAnUnknownPartIsA400ProblemNamingWhere() {
        JsonNode malformed = post("{\"meetings\": [ {\"title\": }").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(malformed.get("detail").asString()).contains("line 1");
        JsonNode unknown = post("{\"people\": []}").expectStatus().isBadRequest()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(unknown.get("detail").asString()).contains("'people'");
    }
}
