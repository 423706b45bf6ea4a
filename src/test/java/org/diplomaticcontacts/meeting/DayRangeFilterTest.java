package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code from}/{@code to} match a meeting whose day range overlaps theirs, either end open. The
 * seed: three meetings on one unknown day in 2018-12-06/2019-03-21, and a visit in 2017.
 */
@IntegrationTest
class DayRangeFilterTest {

    @Autowired
    RestTestClient http;

    @ParameterizedTest
    @CsvSource({
            "from=2019-01-01,                     3",
            "from=2019-03-21,                     3",
            "from=2019-03-22,                     0",
            "to=2017-06-30,                       1",
            "to=2018-12-06,                       4",
            "to=2016-12-31,                       0",
            "from=2018-01-01&to=2018-12-05,       0",
            "from=2018-12-06&to=2018-12-06,       3",
            "from=2017-12-31&to=2017-12-31,       1",
            "from=2017-01-01&to=2019-12-31,       4"})
    void matchesMeetingsWhoseDaysOverlap(String filter, long expected) {
        long total = http.get().uri("/api/v1/meetings?" + filter).exchange().expectStatus().isOk()
                .returnResult(tools.jackson.databind.JsonNode.class).getResponseBody()
                .at("/page/totalElements").asLong();
        assertThat(total).as(filter).isEqualTo(expected);
    }
}
