package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A search bounds {@code date_start} by {@code from} minus the longest meeting's span: a meeting
 * that started long before {@code from} and is still going on then is found all the same, by
 * every way a search is planned (the meetings themselves, a country pair, an area, an official),
 * and counted in the total, whether that is counted or read from the counters by month of V24.
 * Its own context: it adds a fifteen-year meeting.
 */
@IntegrationTest
@TestPropertySource(properties = "test.context=long-meeting")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongMeetingDayRangeTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void addAFifteenYearMeeting() {
        long meeting = jdbc.sql("""
                insert into meetings (kind, title, date_text, date_start, date_end)
                values ('TALKS', 'Fifteen years of talks', '2000-01-01/2014-12-31',
                        date '2000-01-01', date '2014-12-31')
                returning id""").query(Long.class).single();
        long kuspan = jdbc.sql("select id from officials where full_name = 'Aigul Kuspan'").query(Long.class).single();
        jdbc.sql("""
                insert into meeting_participants (meeting_id, list_index, official_id, country_code)
                values (?, 0, ?, 'KZ')""").params(meeting, kuspan).update();
        jdbc.sql("insert into meeting_cooperation_areas (meeting_id, area_code) values (?, 'health')").param(meeting)
                .update();
    }

    private boolean finds(String filter) {
        JsonNode page = http.get().uri("/api/v1/meetings?size=100&" + filter).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        boolean listed = page.get("content").valueStream()
                .anyMatch(meeting -> meeting.get("title").asString().equals("Fifteen years of talks"));
        long counted = page.at("/page/totalElements").asLong();
        assertThat(counted).as("total of " + filter).isEqualTo(page.get("content").size());
        return listed;
    }

    @ParameterizedTest
    @CsvSource({
            "from=2014-06-01,                              true",
            "from=2014-12-31&to=2015-06-30,                true",
            "from=2015-01-01,                              false",
            "to=1999-12-31,                                false",
            "country=KZ&from=2014-06-01,                   true",
            "country=KZ&from=2015-01-01,                   false",
            "area=health&from=2010-01-01&to=2010-01-01,    true",
            "official={kuspan}&from=2014-12-31,            true",
            "country=KZ&from=2000-01-01&to=2000-01-31,     true",
            "country=KZ&to=1999-12-31,                     false",
            "area=health&from=2014-12-01,                  true",
            "area=health&from=2015-01-01,                  false",
            "area=health&from=2001-01-01&to=2001-12-31,    true",
            "area=health&country=KZ,                       true"})
    void aMeetingStartedLongBeforeFromIsFoundWhileItLasts(String filter, boolean found) {
        long kuspan = jdbc.sql("select id from officials where full_name = 'Aigul Kuspan'").query(Long.class).single();
        String query = filter.replace("{kuspan}", String.valueOf(kuspan));
        assertThat(finds(query)).as(query).isEqualTo(found);
    }
}
