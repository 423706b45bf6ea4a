package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diplomaticcontacts.meeting.SeedMeetings.ALL;
import static org.diplomaticcontacts.meeting.SeedMeetings.EXPO_VISIT;
import static org.diplomaticcontacts.meeting.SeedMeetings.KUSPAN_MEETINGS;

import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * {@code from} and {@code to} at their edges. The three seed meetings are stored as the range
 * 2018-12-06..2019-03-21 (their day is unknown), the EXPO visit as 2017-01-01..2017-12-31; a
 * filter matches a meeting whose range overlaps it, both ends inclusive.
 */
@IntegrationTest
class MeetingDateFilterTest {

    @Autowired
    RestTestClient http;

    private List<String> titles(String query) {
        return SeedMeetings.titles(http, query);
    }

    @Test
    void fromOnTheLastDayOfTheSeedRangeStillFindsTheSeedMeetings() {
        assertThat(titles("from=2019-03-21")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
    }

    @Test
    void fromTheDayAfterTheSeedRangeFindsNothing() {
        assertThat(titles("from=2019-03-22")).isEmpty();
    }

    @Test
    void toOnTheFirstDayOfTheSeedRangeStillFindsTheSeedMeetings() {
        assertThat(titles("to=2018-12-06")).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void toTheDayBeforeTheSeedRangeFindsOnlyTheEarlierVisit() {
        assertThat(titles("to=2018-12-05")).containsExactly(EXPO_VISIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-01-01", "2017-02-28", "2017-06-15", "2017-12-31"})
    void meetingOnUnknownDayIsFoundByAnyDayInItsRange(String day) {
        assertThat(titles("from=" + day + "&to=" + day)).containsExactly(EXPO_VISIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-12-06", "2019-01-15", "2019-03-21"})
    void seedMeetingsOnUnknownDayAreFoundByAnyDayInTheirRange(String day) {
        assertThat(titles("from=" + day + "&to=" + day)).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31", "2018-01-01"})
    void meetingOnUnknownDayIsNotFoundByADayJustOutsideItsRange(String day) {
        assertThat(titles("from=" + day + "&to=" + day)).doesNotContain(EXPO_VISIT).isEmpty();
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({
            "2016-06-01, 2017-01-01",   // overlaps the visit's first day
            "2017-12-31, 2018-06-01",   // overlaps the visit's last day
            "2016-01-01, 2018-01-01",   // contains the whole visit
            "2017-05-01, 2017-05-31"})  // lies inside the visit's year
    void anIntervalOverlappingTheVisitAtEitherEndFindsIt(String from, String to) {
        assertThat(titles("from=" + from + "&to=" + to)).containsExactly(EXPO_VISIT);
    }

    @Test
    void anIntervalOverlappingBothRangesFindsEverything() {
        assertThat(titles("from=2017-12-31&to=2018-12-06")).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void anIntervalOverlappingTheEndOfTheSeedRangeFindsTheSeedMeetings() {
        assertThat(titles("from=2019-03-21&to=2020-12-31")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
    }

    @Test
    void anIntervalInTheGapBetweenBothRangesFindsNothing() {
        assertThat(titles("from=2018-01-01&to=2018-12-05")).isEmpty();
    }

    @Test
    void fromAfterToIsABadRequestNamingTo() {
        JsonNode problem = http.get().uri("/api/v1/meetings?from=2019-03-22&to=2019-03-21").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("to");
    }

    @Test
    void fromEqualToIsOneDayNotAnError() {
        http.get().uri("/api/v1/meetings?from=2019-03-21&to=2019-03-21").exchange().expectStatus().isOk();
    }
}
