package org.diplomaticcontacts.official;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.OkJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A list reads its officials with SQL of its own, an official's page through the entity: both
 * must show every official the same way. Its own context: it adds officials.
 */
@IntegrationTest
@TestPropertySource(properties = "test.context=official-list")
class OfficialListTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private long addOfficial(String fullName, String country) {
        return jdbc.sql("insert into officials (full_name, country_code) values (?, ?) returning id")
                .params(fullName, country).query(Long.class).single();
    }

    @Test
    void everyOfficialInAListIsShownAsOnTheirOwnPage() {
        long posts = addOfficial("Vera Listova", "LU");
        jdbc.sql("insert into official_aliases (official_id, alias) values (?, 'Вера Листова'), (?, 'V. Listova')")
                .params(posts, posts).update();
        long ministry = jdbc.sql("select min(id) from organizations").query(Long.class).single();
        // inserted out of their order: the list index orders them
        jdbc.sql("""
                insert into positions (official_id, list_index, title, organization_id, start_date, end_date)
                values (:id, 2, 'Ambassador', null, null, null),
                       (:id, 0, 'Deputy Minister', :ministry, '2015-01-01', '2018-06-30'),
                       (:id, 1, 'Minister', :ministry, '2018-07-01', null)""")
                .param("id", posts).param("ministry", ministry).update();
        addOfficial("Otto Listov", "LU");

        JsonNode listed = OkJson.get(http, "/api/v1/officials?size=100").get("content");
        assertThat(listed.size()).as("the seed's officials and these two").isGreaterThan(2);
        listed.forEach(official -> assertThat(official)
                .isEqualTo(OkJson.get(http, "/api/v1/officials/{id}", official.get("id").asLong())));
        assertThat(OkJson.get(http, "/api/v1/officials?q=listova").at("/content/0/positions").valueStream()
                .map(post -> post.get("title").asString()).toList())
                .containsExactly("Deputy Minister", "Minister", "Ambassador");
    }
}
