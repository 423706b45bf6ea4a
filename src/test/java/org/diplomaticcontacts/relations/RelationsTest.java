package org.diplomaticcontacts.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The KZ–LU record from the seed (V4): three meetings in Luxembourg on one unknown day between
 * 2018-12-06 and 2019-03-21, and Schneider's 2017 visit to Kazakhstan.
 */
@IntegrationTest
class RelationsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    SqlStatementCounter statements;

    private JsonNode get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    private static List<String> rows(JsonNode list, String... fields) {
        return list.valueStream().map(row -> {
            StringBuilder text = new StringBuilder();
            for (String field : fields) {
                text.append(text.isEmpty() ? "" : " ").append(row.get(field).asString());
            }
            return text.toString();
        }).toList();
    }

    @Test
    void kazakhstanAndLuxembourgFromTheSeed() {
        JsonNode relations = get("/api/v1/countries/KZ/relations/LU");

        assertThat(relations.at("/country/code").asString()).isEqualTo("KZ");
        assertThat(relations.at("/counterpart/code").asString()).isEqualTo("LU");
        assertThat(relations.get("meetingCount").asLong()).isEqualTo(4);
        assertThat(relations.get("firstDate").asString()).isEqualTo("2017-01-01");
        assertThat(relations.get("lastDate").asString()).isEqualTo("2019-03-21");
        assertThat(rows(relations.get("byYear"), "year", "count")).containsExactly("2017 1", "2018 3");
        // telemedicine and digitalisation of health care roll up into health: the Schneider
        // meeting counts once there, as financial technology does under finance
        assertThat(rows(relations.get("byArea"), "code", "name", "count")).containsExactly(
                "finance Finance 2", "health Health 2", "parliamentary-cooperation Parliamentary cooperation 2",
                "space-industry Space industry 2", "digital-technologies Digital technologies 1");
        assertThat(rows(relations.get("officials"), "fullName", "countryCode", "meetingCount")).containsExactly(
                "Aigul Kuspan KZ 3", "Étienne Schneider LU 2", "Fernand Etgen LU 1", "Gusty Graas LU 1");
        assertThat(relations.at("/officials/0/id").asLong()).isPositive();
    }

    @Test
    void sameMeetingsAsTheMeetingsFilterForThePair() {
        long listed = get("/api/v1/meetings?country=KZ&counterpart=LU").at("/page/totalElements").asLong();
        assertThat(get("/api/v1/countries/KZ/relations/LU").get("meetingCount").asLong()).isEqualTo(listed);
    }

    @Test
    void symmetricApartFromWhichCountryIsWhich() {
        JsonNode kzLu = get("/api/v1/countries/KZ/relations/LU");
        JsonNode luKz = get("/api/v1/countries/LU/relations/KZ");

        assertThat(luKz.at("/country/code").asString()).isEqualTo("LU");
        assertThat(luKz.at("/counterpart/code").asString()).isEqualTo("KZ");
        for (String field : List.of("meetingCount", "firstDate", "lastDate", "byYear", "byArea", "officials")) {
            assertThat(luKz.get(field)).as(field).isEqualTo(kzLu.get(field));
        }
    }

    @Test
    void acceptsAlpha3CodesInAnyCase() {
        JsonNode relations = get("/api/v1/countries/kaz/relations/lux");
        assertThat(relations.at("/country/code").asString()).isEqualTo("KZ");
        assertThat(relations.at("/country/alpha3").asString()).isEqualTo("KAZ");
        assertThat(relations.at("/counterpart/name").asString()).isEqualTo("Luxembourg");
        assertThat(relations.get("meetingCount").asLong()).isEqualTo(4);
        assertThat(get("/api/v1/countries/Kz/relations/lU").get("meetingCount").asLong()).isEqualTo(4);
    }

    @Test
    void countriesThatNeverMetHaveAnEmptyRecord() {
        JsonNode relations = get("/api/v1/countries/FR/relations/JP");
        assertThat(relations.get("meetingCount").asLong()).isZero();
        assertThat(relations.get("firstDate").isNull()).isTrue();
        assertThat(relations.get("lastDate").isNull()).isTrue();
        assertThat(relations.get("byYear").isEmpty()).isTrue();
        assertThat(relations.get("byArea").isEmpty()).isTrue();
        assertThat(relations.get("officials").isEmpty()).isTrue();
    }

    @Test
    void unknownCodeIsA404Problem() {
        for (String uri : List.of("/api/v1/countries/XX/relations/LU", "/api/v1/countries/KZ/relations/XYZ")) {
            JsonNode problem = http.get().uri(uri).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .returnResult(JsonNode.class).getResponseBody();
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).contains("Country");
        }
    }

    @Test
    void costsAFewStatementsWhateverTheRecord() {
        get("/api/v1/countries/KZ/relations/LU"); // warm up
        statements.reset();
        get("/api/v1/countries/KZ/relations/LU");
        // two country lookups and one statement for all the figures
        assertThat(statements.count()).isLessThanOrEqualTo(3);
    }
}
