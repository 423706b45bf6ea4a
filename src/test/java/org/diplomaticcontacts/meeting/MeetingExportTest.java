package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The whole filtered result as CSV or iCalendar: the seed's four meetings plus one hostile one. */
@IntegrationTest
@TestPropertySource(properties = "spring.security.user.password=export-secret")
class MeetingExportTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void hostileMeeting() {
        jdbc.update("""
                insert into meetings (kind, title, summary, date_text, date_start, date_end, location_country,
                        external_id)
                values ('OTHER', '=HYPERLINK("http://evil")', 'Said "yes", then
                left', '1959-09-15', '1959-09-15', '1959-09-15', 'SU', 'test:hostile')""");
    }

    @AfterEach
    void removeIt() {
        jdbc.update("delete from meetings where external_id = 'test:hostile'");
    }

    private String body(String uri, String accept) {
        byte[] bytes = http.get().uri(uri).accept(MediaType.parseMediaType(accept)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(accept))
                .returnResult(byte[].class).getResponseBody();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aFullTextSearchExportsTheSameMeetingsAsTheJsonList() {
        for (String sort : new String[] {"", "&sort=relevance"}) {
            String csv = body("/api/v1/meetings?q=schneider" + sort, "text/csv");
            // header + the Kuspan–Schneider meeting + the EXPO 2017 visit
            assertThat(csv.split("\r\n")).hasSize(3);
            assertThat(csv).contains("Étienne Schneider");
        }
    }

    @Test
    void csvHasTheDocumentedColumnsEveryMatchingMeetingAndDefusesFormulas() {
        String csv = body("/api/v1/meetings?sort=date,asc", "text/csv");
        assertThat(csv).startsWith(MeetingExport.CSV_HEADER + "\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Said \"\"yes\"\", then\nleft\"");
        assertThat(csv).contains("Aigul Kuspan (Ambassador of Kazakhstan to the Grand Duchy of Luxembourg) [KZ]");
        // header + 3 seed meetings + the EXPO visit + the hostile one; the summary's newline is inside quotes
        assertThat(csv.split("\r\n")).hasSize(6);
        assertThat(body("/api/v1/meetings?kind=OTHER", "text/csv").split("\r\n")).hasSize(2);
    }

    @Test
    void calendarHasOneAllDayEventPerMeetingWithFoldedLines() {
        String ics = body("/api/v1/meetings", "text/calendar");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(6);
        assertThat(ics).contains("DTSTART;VALUE=DATE:20181206\r\n", "DTEND;VALUE=DATE:20190322\r\n",
                "DTSTART;VALUE=DATE:19590915\r\n", "DTEND;VALUE=DATE:19590916\r\n");
        List<String> lines = Arrays.asList(ics.split("\r\n"));
        assertThat(lines).allSatisfy(
                line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" "));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:=HYPERLINK(\"http://evil\")", "DESCRIPTION:Said \"yes\"\\, then\\n");
    }

    @Test
    void anEventEndingOnTheLastDayOfYear9999GivesItsLengthForItHasNoNextDayToEndOn() {
        jdbc.update("""
                insert into meetings (kind, title, date_text, date_start, date_end, external_id)
                values ('OTHER', 'Far future', '9999', '9999-01-01', '9999-12-31', 'test:far')""");
        try {
            String ics = body("/api/v1/meetings?from=9999-01-01", "text/calendar");

            assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
            assertThat(ics).contains("DTSTART;VALUE=DATE:99990101\r\nDURATION:P365D\r\n").doesNotContain("DTEND")
                    .endsWith("END:VCALENDAR\r\n");
        }
        finally {
            jdbc.update("delete from meetings where external_id = 'test:far'");
        }
    }

    @Test
    void jsonStaysTheDefault() {
        for (String accept : List.of("application/json", "*/*")) {
            JsonNode page = http.get().uri("/api/v1/meetings").accept(MediaType.parseMediaType(accept)).exchange()
                    .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .returnResult(JsonNode.class).getResponseBody();
            assertThat(page.at("/page/totalElements").asLong()).isEqualTo(5);
        }
    }

    @Test
    void anUnknownFilterCodeIsRefusedBeforeStreaming() {
        http.get().uri("/api/v1/meetings?country=ZZ").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void countriesStillListThe249CurrentOnesAndAllOnRequest() {
        JsonNode current = http.get().uri("/api/v1/countries").exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(current).hasSize(249);
        JsonNode all = http.get().uri("/api/v1/countries?all=true").exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(all.size()).isEqualTo(257);
    }
}
