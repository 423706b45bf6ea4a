package org.diplomaticcontacts.meeting;

import java.util.List;

import org.diplomaticcontacts.support.OkJson;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The titles of the four seed meetings (migration V4), so that a test can say which of them a
 * query returned, and the few reads the filter tests share.
 */
final class SeedMeetings {

    static final String ETGEN =
            "Ambassador Aigul Kuspan meets Fernand Etgen, President of the Chamber of Deputies";
    static final String GRAAS =
            "Ambassador Aigul Kuspan meets Gusty Graas, new Head of the Luxembourg delegation to PACE";
    static final String SCHNEIDER =
            "Ambassador Aigul Kuspan meets Étienne Schneider, Deputy Prime Minister of Luxembourg";
    static final String EXPO_VISIT =
            "Étienne Schneider visits Kazakhstan to open the national pavilion of Luxembourg at EXPO 2017";

    static final List<String> ALL = List.of(ETGEN, GRAAS, SCHNEIDER, EXPO_VISIT);
    static final List<String> KUSPAN_MEETINGS = List.of(ETGEN, GRAAS, SCHNEIDER);

    private SeedMeetings() {
    }

    /** The titles of every meeting {@code GET /meetings} returns for the query (one page of 100). */
    static List<String> titles(RestTestClient http, String query, Object... variables) {
        JsonNode page = OkJson.get(http, "/api/v1/meetings?size=100&" + query, variables);
        return titlesOf(page);
    }

    static List<String> titlesOf(JsonNode page) {
        return page.get("content").valueStream()
                .map(meeting -> meeting.get("title").asString())
                .toList();
    }
}
