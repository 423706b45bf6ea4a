package org.diplomaticcontacts.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.SqlStatementCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The SQL statements the benchmarked reads cost (bench/run.sh reports these): one for the page or
 * the document, whatever the page size. Only a search that matched nothing costs one more per id
 * or code a filter names, checked so that an unknown one is a 400 rather than an empty result.
 */
@IntegrationTest
class StatementsPerRequestTest {

    @Autowired
    RestTestClient http;

    @Autowired
    SqlStatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/meetings/{meeting}                                                       | 1",
            "/api/v1/meetings?size=1                                                          | 1",
            "/api/v1/meetings?from=2018-01-01&to=2018-12-31&size=1                            | 1",
            "/api/v1/meetings?from=2018-12-10&to=2019-01-20&size=1                            | 1",
            "/api/v1/meetings?country=KZ&counterpart=LU&from=2018-01-01&to=2018-12-31         | 1",
            "/api/v1/meetings?area=health                                                     | 1",
            "/api/v1/meetings?area=health&country=kz                                          | 1",
            "/api/v1/meetings?area=health&from=2030-01-01                                     | 2",
            "/api/v1/meetings?q=kuspan schnieder                                              | 1",
            "/api/v1/meetings?q=etienne&sort=date&size=100                                    | 1",
            "/api/v1/meetings?organization={organization}                                     | 1",
            "/api/v1/meetings?organization={organization}&country=LU&from=2017-01-01          | 1",
            "/api/v1/officials/{official}/meetings                                            | 1",
            "/api/v1/officials?q=kuspan                                                       | 2",
            "/api/v1/officials?country=LU                                                     | 2",
            "/api/v1/countries/KZ/relations/LU                                                | 1"})
    void readsCostAFixedNumberOfStatements(String uri, int expected) {
        long meeting = jdbc.sql("select min(id) from meetings").query(Long.class).single();
        long official = jdbc.sql("select min(id) from officials").query(Long.class).single();
        long organization = jdbc.sql("select min(organization_id) from meeting_organizations").query(Long.class)
                .single();
        String path = uri.replace("{meeting}", String.valueOf(meeting)).replace("{official}", String.valueOf(official))
                .replace("{organization}", String.valueOf(organization));
        http.get().uri(path).exchange().expectStatus().isOk(); // warm up

        statements.reset();
        http.get().uri(path).exchange().expectStatus().isOk();

        assertThat(statements.count()).as(path).isEqualTo(expected);
    }
}
