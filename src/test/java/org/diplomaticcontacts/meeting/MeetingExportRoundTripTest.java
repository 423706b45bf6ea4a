package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The exports read back by real parsers (Apache Commons CSV, biweekly for iCalendar) say the
 * same as the JSON list of the same filter: same meetings, same order, same fields, Étienne intact.
 */
@IntegrationTest
class MeetingExportRoundTripTest {

    @Autowired
    RestTestClient http;

    private String export(String uri, String type) {
        byte[] body = http.get().uri(uri).accept(MediaType.parseMediaType(type)).exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private List<JsonNode> json(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody()
                .get("content").valueStream().toList();
    }

    @Test
    void csvParsedBackHoldsTheSameMeetingsAsTheJsonList() throws IOException {
        String filter = "/api/v1/meetings?country=KZ&counterpart=LU&sort=date,asc";
        List<JsonNode> expected = json(filter + "&size=100");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export(filter, "text/csv"))).getRecords();

        assertThat(rows).hasSize(expected.size()).hasSize(4);
        for (int index = 0; index < rows.size(); index++) {
            CSVRecord row = rows.get(index);
            JsonNode meeting = expected.get(index);
            assertThat(row.get("id")).isEqualTo(meeting.get("id").asString());
            assertThat(row.get("kind")).isEqualTo(meeting.get("kind").asString());
            assertThat(row.get("date")).isEqualTo(meeting.get("date").asString());
            assertThat(row.get("dateStart")).isEqualTo(meeting.get("dateStart").asString());
            assertThat(row.get("dateEnd")).isEqualTo(meeting.get("dateEnd").asString());
            assertThat(row.get("title")).isEqualTo(meeting.get("title").asString());
            assertThat(row.get("summary")).isEqualTo(meeting.get("summary").asString());
            assertThat(row.get("locationCountry")).isEqualTo(meeting.at("/location/countryCode").asString());
        }
        assertThat(rows.get(0).get("participants")).isEqualTo("Étienne Schneider [LU]");
    }

    @Test
    void calendarParsedBackHasOneAllDayEventPerMeetingSpanningItsDays() {
        String filter = "/api/v1/meetings?country=KZ&counterpart=LU&sort=date,asc";
        List<JsonNode> expected = json(filter + "&size=100");
        ICalendar calendar = Biweekly.parse(export(filter, "text/calendar")).first();

        List<VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(expected.size()).hasSize(4);
        for (int index = 0; index < events.size(); index++) {
            VEvent event = events.get(index);
            JsonNode meeting = expected.get(index);
            assertThat(event.getSummary().getValue()).isEqualTo(meeting.get("title").asString());
            assertThat(event.getDateStart().getValue().hasTime()).as("all-day").isFalse();
            assertThat(day(event.getDateStart().getValue())).isEqualTo(meeting.get("dateStart").asString());
            // DTEND of an all-day event is the day after the last one (exclusive)
            assertThat(day(event.getDateEnd().getValue()))
                    .isEqualTo(LocalDate.parse(meeting.get("dateEnd").asString()).plusDays(1).toString());
        }
        assertThat(events.get(0).getSummary().getValue()).contains("Étienne Schneider");
    }

    private static String day(java.util.Date date) {
        return date.toInstant().atZone(java.util.TimeZone.getDefault().toZoneId()).toLocalDate().toString();
    }
}
