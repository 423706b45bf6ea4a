package org.diplomaticcontacts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.OkJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The search documents follow every change to the text they hold, however it is written (here
 * with plain SQL, as an import or a manual fix would). Its own context: it changes rows.
 */
@IntegrationTest
@TestPropertySource(properties = "test.context=search-updates")
class SearchUpdatesTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private JsonNode get(String uri, Object... variables) {
        return OkJson.get(http, uri, variables);
    }

    private List<String> officialNames(String q) {
        return get("/api/v1/officials?q={q}", q).get("content").valueStream()
                .map(official -> official.get("fullName").asString()).toList();
    }

    private long meetingCount(String q) {
        return get("/api/v1/meetings?q={q}", q).at("/page/totalElements").asLong();
    }

    private long officialCount(String q) {
        return get("/api/v1/officials?q={q}", q).at("/page/totalElements").asLong();
    }

    private long officialId(String fullName) {
        return jdbc.sql("select id from officials where full_name = ?").param(fullName).query(Long.class).single();
    }

    /** Misspellings are forgiven only for words no known word begins with (V26). */
    @Test
    void aKnownWordIsTakenAsTypedAndAnUnknownOneWidenedToItsLookAlikes() {
        jdbc.sql("insert into officials (full_name) values ('Lena Petrova'), ('Lena Petrowa')").update();

        assertThat(officialNames("petrova")).containsExactly("Lena Petrova");
        assertThat(officialNames("petrowa")).containsExactly("Lena Petrowa");
        assertThat(officialNames("petrovna")).containsExactlyInAnyOrder("Lena Petrova", "Lena Petrowa");
    }

    /**
     * A prefix stands for the known words it begins, each matched exactly, up to 5 of them, and
     * is matched as a prefix beyond that (V27): either way it finds every word it begins.
     */
    @Test
    void aPrefixFindsEveryWordItBeginsHoweverManyThereAre() {
        jdbc.sql("""
                insert into officials (full_name)
                select 'Ann Quovadis' || chr(ascii('a') + n / 26) || chr(ascii('a') + n % 26)
                from generate_series(0, 55) n""")
                .update();

        assertThat(officialCount("quovadis")).isEqualTo(56);
        assertThat(officialCount("QUOVADISB")).isEqualTo(26);
        assertThat(officialCount("quovadisc")).isEqualTo(4);
        assertThat(officialCount("quovadisca")).isEqualTo(1);
    }

    /**
     * By relevance a full name outranks an alias, and equal matches go by name; walking the pages
     * one official at a time gives that same order and the same total on every page.
     */
    @Test
    void officialsAreFoundBestMatchFirstThenByNameOnEveryPage() {
        jdbc.sql("insert into officials (full_name) values ('Ruth Zebulonis'), ('Carl Other'), ('Anna Zebulonis')")
                .update();
        jdbc.sql("insert into official_aliases (official_id, alias) values (?, 'Zebulonis')")
                .param(officialId("Carl Other")).update();

        assertThat(officialNames("zebulonis")).containsExactly("Anna Zebulonis", "Ruth Zebulonis", "Carl Other");
        List<String> walked = new ArrayList<>();
        for (int number = 0; number <= 3; number++) {
            JsonNode page = get("/api/v1/officials?q=zebulonis&size=1&page={number}", number);
            assertThat(page.at("/page/totalElements").asLong()).as("page %d", number).isEqualTo(3);
            page.get("content").forEach(official -> walked.add(official.get("fullName").asString()));
        }
        assertThat(walked).containsExactly("Anna Zebulonis", "Ruth Zebulonis", "Carl Other");
        assertThat(get("/api/v1/officials?q=zebulonis&country=LU").get("content")).isEmpty();
    }

    /** The search documents carry the meeting's days, which the day filters and the order read. */
    @Test
    void aMeetingMovedToOtherDaysIsFoundOnItsNewDays() {
        long meeting = jdbc.sql("""
                insert into meetings (kind, title, date_text, date_start, date_end)
                values ('CALL', 'Call on desalination', '2020', date '2020-01-01', date '2020-12-31')
                returning id""").query(Long.class).single();
        assertThat(get("/api/v1/meetings?q=desalination&from=2020-06-01&to=2020-06-30")
                .at("/page/totalElements").asLong())
                .isEqualTo(1);

        jdbc.sql("update meetings set date_text = '2022-03-04', date_start = date '2022-03-04', "
                + "date_end = date '2022-03-04' where id = ?")
                .param(meeting).update();

        assertThat(get("/api/v1/meetings?q=desalination&from=2020-06-01&to=2020-06-30")
                .at("/page/totalElements").asLong())
                .isZero();
        JsonNode found = get("/api/v1/meetings?q=desalination&from=2022-03-04&to=2022-03-04");
        assertThat(found.at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(found.at("/content/0/dateStart").asString()).isEqualTo("2022-03-04");
    }

    @Test
    void renamedOfficialIsFoundByTheNewNameInOfficialsAndTheirMeetings() {
        long graas = officialId("Gusty Graas");
        assertThat(meetingCount("gustave")).isZero();

        jdbc.sql("update officials set full_name = 'Gustave Graas' where id = ?").param(graas).update();

        assertThat(officialNames("gustave")).containsExactly("Gustave Graas");
        assertThat(meetingCount("gustave")).isEqualTo(1);
        assertThat(officialNames("gusty")).isEmpty();
    }

    @Test
    void newAliasIsFoundAndARemovedOneIsNot() {
        long schneider = officialId("Étienne Schneider");
        assertThat(officialNames("Шнайдер")).isEmpty();

        jdbc.sql("insert into official_aliases (official_id, alias) values (?, 'Этьен Шнайдер')")
                .param(schneider).update();

        assertThat(officialNames("шнайдер")).containsExactly("Étienne Schneider");
        assertThat(meetingCount("Этьен")).isEqualTo(2);

        jdbc.sql("delete from official_aliases where official_id = ? and alias = 'Этьен Шнайдер'").param(schneider)
                .update();

        assertThat(officialNames("шнайдер")).isEmpty();
        assertThat(meetingCount("Этьен")).isZero();
    }

    @Test
    void meetingTextParticipantsAndOutcomesAreFoundOnceWritten() {
        long etgen = officialId("Fernand Etgen");
        long meeting = jdbc.sql("""
                insert into meetings (kind, title, date_text, date_start, date_end)
                values ('CALL', 'Phone call on water management', '2020', date '2020-01-01', date '2020-12-31')
                returning id""").query(Long.class).single();
        assertThat(meetingCount("water")).isEqualTo(1);
        assertThat(meetingCount("water etgen")).isZero();

        jdbc.sql("insert into meeting_participants (meeting_id, list_index, official_id, country_code) "
                + "values (?, 0, ?, 'LU')")
                .params(meeting, etgen).update();
        jdbc.sql("insert into meeting_outcomes (meeting_id, list_index, type, description) "
                + "values (?, 0, 'STATEMENT', 'Hydrology memorandum')")
                .param(meeting).update();
        jdbc.sql("update meetings set title = 'Phone call on irrigation' where id = ?").param(meeting).update();

        assertThat(meetingCount("irrigation etgen hydrology")).isEqualTo(1);
        assertThat(meetingCount("water")).isZero();

        jdbc.sql("delete from meeting_participants where meeting_id = ?").param(meeting).update();
        assertThat(meetingCount("irrigation etgen")).isZero();

        jdbc.sql("delete from meetings where id = ?").param(meeting).update();
        assertThat(meetingCount("irrigation")).isZero();
    }
}
