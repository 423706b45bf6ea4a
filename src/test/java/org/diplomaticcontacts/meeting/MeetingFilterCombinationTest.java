package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.OkJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Two filters together find exactly the meetings both find alone, whichever of them a search is
 * planned around ({@code MeetingQuery} drives by an official, a country, an area or the meetings
 * themselves and checks the rest on the rows these give): every pair of a set of filters, one
 * per parameter, over the seed record. Ids are looked up through the API.
 */
@IntegrationTest
class MeetingFilterCombinationTest {

    @Autowired
    RestTestClient http;

    private List<String> titles(String query) {
        return SeedMeetings.titles(http, query);
    }

    private long id(String uri, String field, String value) {
        JsonNode found = OkJson.get(http, uri);
        for (JsonNode item : found.has("content") ? found.get("content") : found) {
            if (item.get(field).asString().equals(value)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("nothing at " + uri + " with " + field + " " + value);
    }

    private List<String> filters() {
        return List.of("country=LU", "counterpart=KZ",
                "official=" + id("/api/v1/officials?q=schneider", "fullName", "Étienne Schneider"),
                "organization=" + id("/api/v1/organizations", "name", "Chamber of Deputies of Luxembourg"),
                "area=health", "location=KZ", "kind=VISIT", "from=2018-01-01", "to=2018-06-30", "q=schneider");
    }

    /** The total too, whether counted or read from the counters of V24 (country, area, both, whole months). */
    @Test
    void twoFiltersFindTheMeetingsBothFindAlone() {
        List<String> filters = filters();
        SoftAssertions softly = new SoftAssertions();
        int nonEmpty = 0;
        for (int first = 0; first < filters.size(); first++) {
            for (int second = first + 1; second < filters.size(); second++) {
                List<String> expected = new ArrayList<>(titles(filters.get(first)));
                expected.retainAll(titles(filters.get(second)));
                String both = filters.get(first) + "&" + filters.get(second);
                JsonNode page = OkJson.get(http, "/api/v1/meetings?size=100&" + both);
                softly.assertThat(SeedMeetings.titlesOf(page)).as(both).containsExactlyInAnyOrderElementsOf(expected);
                softly.assertThat(page.at("/page/totalElements").asInt()).as("total of " + both)
                        .isEqualTo(expected.size());
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        softly.assertAll();
        // most pairs (34 of 45) share meetings: the check above is not about empty lists
        assertThat(nonEmpty).isGreaterThanOrEqualTo(30);
    }
}
