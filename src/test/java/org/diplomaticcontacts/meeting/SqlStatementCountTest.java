package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Reading a page costs the same few SQL statements whatever its size: no N+1 over participants,
 * areas, outcomes or sources. Runs on a database of its own (the property gives it its own test
 * context) filled with 120 extra meetings between France and Germany and 120 extra officials.
 */
@IntegrationTest
@TestPropertySource(properties = "test.context=statement-count")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlStatementCountTest {

    private static final int EXTRA = 120;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqlStatementCounter statements;

    @BeforeAll
    void fillTheDatabase() {
        long ministry = jdbc.sql("""
                insert into organizations (name, kind, country_code)
                values ('Test Ministry for Europe and Foreign Affairs', 'MINISTRY', 'FR') returning id""")
                .query(Long.class).single();
        List<Long> officials = new ArrayList<>();
        for (int i = 0; i < EXTRA; i++) {
            String country = i % 2 == 0 ? "FR" : "DE";
            long official = jdbc.sql("insert into officials (full_name, country_code) "
                    + "values (:name, :country) returning id")
                    .param("name", "Test Official " + i).param("country", country)
                    .query(Long.class).single();
            jdbc.sql("insert into official_aliases (official_id, alias) values (:id, :alias)")
                    .param("id", official).param("alias", "Alias " + i).update();
            jdbc.sql("""
                    insert into positions (official_id, list_index, title, organization_id, start_date, end_date)
                    values (:id, 0, 'Minister', :org, date '2010-01-01', null),
                           (:id, 1, 'Deputy', null, date '2000-01-01', date '2009-12-31')""")
                    .param("id", official).param("org", ministry).update();
            officials.add(official);
        }
        for (int i = 0; i < EXTRA; i++) {
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(i);
            long meeting = jdbc.sql("""
                    insert into meetings (kind, title, summary, date_text, date_start, date_end, location_city,
                                          location_country)
                    values (:kind, :title, 'Talks on finance and health.', :text, :day, :day, 'Paris', 'FR')
                    returning id""")
                    .param("kind", i % 3 == 0 ? "VISIT" : "TALKS").param("title", "Test meeting " + i)
                    .param("text", day.toString()).param("day", day)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into meeting_participants (meeting_id, list_index, official_id, role, country_code)
                    values (:m, 0, :a, 'Minister', 'FR'), (:m, 1, :b, 'Minister', 'DE')""")
                    .param("m", meeting).param("a", officials.get(i - i % 2)).param("b", officials.get(i - i % 2 + 1))
                    .update();
            jdbc.sql("""
                    insert into meeting_cooperation_areas (meeting_id, area_code)
                    values (:m, 'finance'), (:m, 'telemedicine')""").param("m", meeting).update();
            jdbc.sql("""
                    insert into meeting_outcomes (meeting_id, list_index, type, description)
                    values (:m, 0, 'AGREEMENT', 'Agreed to meet again'), (:m, 1, 'STATEMENT', 'Joint statement')""")
                    .param("m", meeting).update();
            jdbc.sql("""
                    insert into meeting_sources (meeting_id, list_index, url, publisher)
                    values (:m, 0, 'https://example.org/a', 'Example'), (:m, 1, 'https://example.org/b', 'Example')""")
                    .param("m", meeting).update();
        }
    }

    /** The statements one request costs, after checking that it succeeded. */
    /** Counts a request's statements once caches (the country list) are warm, as they are in production. */
    private int statementsFor(String uri) {
        http.get().uri(uri).exchange().expectStatus().isOk();
        statements.reset();
        http.get().uri(uri).exchange().expectStatus().isOk();
        return statements.count();
    }

    private JsonNode get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    @Test
    void theDataIsThereToBeCounted() {
        JsonNode page = get("/api/v1/meetings?size=100");
        assertThat(page.get("content")).hasSize(100);
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(EXTRA + 4);
        JsonNode meeting = page.get("content").get(0);
        assertThat(meeting.get("participants")).hasSize(2);
        assertThat(meeting.get("cooperationAreas")).hasSize(2);
        assertThat(meeting.get("outcomes")).hasSize(2);
        assertThat(meeting.get("sources")).hasSize(2);
        assertThat(get("/api/v1/officials?size=100").get("content")).hasSize(100);
    }

    @Test
    void aPageOfMeetingsCostsTheSameFewStatementsWhateverItsSize() {
        int one = statementsFor("/api/v1/meetings?size=1");
        int hundred = statementsFor("/api/v1/meetings?size=100");
        assertThat(one).isPositive().isLessThanOrEqualTo(3);
        assertThat(hundred).isEqualTo(one);
    }

    @Test
    void aFilteredPageOfMeetingsCostsTheSameWhateverItsSize() {
        String filters = "country=FR&counterpart=DE&area=health&from=2020-01-01&q=test meeting";
        int one = statementsFor("/api/v1/meetings?size=1&" + filters);
        int hundred = statementsFor("/api/v1/meetings?size=100&" + filters);
        assertThat(get("/api/v1/meetings?size=100&" + filters).get("content")).hasSize(100);
        // countries are cached; resolving the area code costs one statement, the page one more
        assertThat(hundred).isEqualTo(one).isLessThanOrEqualTo(3);
    }

    @Test
    void oneMeetingCostsAtMostTwoStatements() {
        long id = get("/api/v1/meetings?size=1").at("/content/0/id").asLong();
        assertThat(statementsFor("/api/v1/meetings/" + id)).isPositive().isLessThanOrEqualTo(2);
    }

    @Test
    void aPageOfOfficialsCostsTheSameWhateverItsSize() {
        int one = statementsFor("/api/v1/officials?size=1");
        int hundred = statementsFor("/api/v1/officials?size=100");
        assertThat(one).isPositive();
        assertThat(hundred).isEqualTo(one).isLessThanOrEqualTo(3);
    }

    @Test
    void anOfficialsMeetingsCostTheSameWhateverThePageSize() {
        long official = get("/api/v1/officials?q=test&size=1").at("/content/0/id").asLong();
        int one = statementsFor("/api/v1/officials/" + official + "/meetings?size=1");
        int hundred = statementsFor("/api/v1/officials/" + official + "/meetings?size=100");
        assertThat(one).isPositive();
        assertThat(hundred).isEqualTo(one).isLessThanOrEqualTo(4);
    }
}
