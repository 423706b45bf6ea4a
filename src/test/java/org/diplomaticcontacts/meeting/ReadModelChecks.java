package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.diplomaticcontacts.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * What the tests of the read model (the stored documents and filter rows of V23, the counters of
 * V24, V30, V32 and V35) check after a write, and the rows they write with plain SQL, as a manual fix
 * would. Each subclass runs in a context of its own: they change rows.
 */
abstract class ReadModelChecks {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * Every meeting has a stored document, and each is the one meeting_documents_of() builds now; the
     * filter rows (country pairs, area trees) are exactly the ones derived now, none missing, none
     * left over.
     */
    void assertEveryDocumentIsCurrent() {
        long stale = jdbc.sql("""
                select count(*) from meeting_documents_of(array(select id from meetings)) fresh
                left join meeting_documents d on d.meeting_id = fresh.meeting_id
                where d.document is distinct from fresh.document""").query(Long.class).single();
        assertThat(stale).as("meetings whose stored document is missing or out of date").isZero();
        for (String filterRows : List.of("meeting_country_pairs", "meeting_area_tree", "meeting_officials",
                "meeting_area_countries", "meeting_organizations")) {
            long different = jdbc.sql("""
                    with fresh as (select * from %1$s_of(array(select id from meetings)))
                    select count(*) from (
                      (select * from %1$s except select * from fresh)
                      union all
                      (select * from fresh except select * from %1$s)) difference""".formatted(filterRows))
                    .query(Long.class).single();
            assertThat(different).as(filterRows + " rows missing or out of date").isZero();
        }
        assertEveryCounterIsCurrent();
    }

    /**
     * What the counters of V24, V30, V32 and V35 should hold now, counted afresh from the filter
     * rows and the meetings (zeros left out).
     */
    private static final Map<String, String> RECOUNTS = Map.of(
            "country_pair_months", """
                    select country_code, counterpart_code, month, sum(starting)::int, sum(ending)::int from (
                      select country_code, counterpart_code, date_trunc('month', date_start)::date as month,
                             1 as starting, 0 as ending from meeting_country_pairs
                      union all
                      select country_code, counterpart_code, date_trunc('month', date_end)::date, 0, 1
                      from meeting_country_pairs) d
                    where country_code <= counterpart_code group by 1, 2, 3""",
            "area_months", """
                    select area_code, month, sum(starting)::int, sum(ending)::int from (
                      select area_code, date_trunc('month', date_start)::date as month, 1 as starting, 0 as ending
                      from meeting_area_tree
                      union all
                      select area_code, date_trunc('month', date_end)::date, 0, 1 from meeting_area_tree) d
                    group by 1, 2""",
            "country_pair_areas", """
                    select p.country_code, p.counterpart_code, a.area_code, count(*)::int
                    from meeting_country_pairs p join meeting_area_tree a using (meeting_id)
                    where p.country_code <= p.counterpart_code group by 1, 2, 3""",
            "organization_months", """
                    select organization_id, month, sum(starting)::int, sum(ending)::int from (
                      select organization_id, date_trunc('month', date_start)::date as month, 1 as starting,
                             0 as ending
                      from meeting_organizations
                      union all
                      select organization_id, date_trunc('month', date_end)::date, 0, 1 from meeting_organizations) d
                    group by 1, 2""",
            "meeting_months", """
                    select month, sum(starting)::int, sum(ending)::int from (
                      select date_trunc('month', date_start)::date as month, 1 as starting, 0 as ending from meetings
                      union all
                      select date_trunc('month', date_end)::date, 0, 1 from meetings) d
                    group by 1""",
            "meeting_days", """
                    select day, sum(starting)::int, sum(ending)::int from (
                      select date_start as day, 1 as starting, 0 as ending from meetings
                      union all
                      select date_end, 0, 1 from meetings) d
                    group by 1""",
            "country_pair_officials", """
                    select p.country_code, p.counterpart_code, p2.official_id, count(*)::int
                    from meeting_country_pairs p join meeting_participants p2 using (meeting_id)
                    where p.country_code <= p.counterpart_code group by 1, 2, 3""");

    /** The counter tables of V24, V30, V32 and V35. */
    static Set<String> counterTables() {
        return RECOUNTS.keySet();
    }

    private void assertEveryCounterIsCurrent() {
        RECOUNTS.forEach((counters, recount) -> {
            String nonZero = counters.endsWith("months") || counters.endsWith("days") ? "starting <> 0 or ending <> 0"
                    : "meetings <> 0";
            long different = jdbc.sql("""
                    with fresh as (%2$s), stored as (select * from %1$s where %3$s)
                    select count(*) from (
                      (select * from stored except select * from fresh)
                      union all
                      (select * from fresh except select * from stored)) difference"""
                    .formatted(counters, recount, nonZero))
                    .query(Long.class).single();
            assertThat(different).as(counters + " differing from a count of the filter rows").isZero();
        });
    }

    JsonNode stored(long meeting) {
        return Api.JSON.readTree(jdbc.sql("select document from meeting_documents where meeting_id = ?")
                .param(meeting).query(String.class).single());
    }

    static List<String> fullNames(JsonNode document) {
        return document.get("participants").valueStream().map(p -> p.at("/official/fullName").asString()).toList();
    }

    static List<Long> relatedIds(JsonNode document) {
        return document.get("relatedMeetings").valueStream().map(r -> r.get("id").asLong()).toList();
    }

    long insertMeeting(String title) {
        return jdbc.sql("""
                insert into meetings (kind, title, date_text, date_start, date_end)
                values ('TALKS', ?, '2020', date '2020-01-01', date '2020-12-31') returning id""")
                .param(title).query(Long.class).single();
    }

    long insertOfficial(String fullName) {
        return jdbc.sql("insert into officials (full_name) values (?) returning id").param(fullName)
                .query(Long.class).single();
    }

    void addParticipant(long meeting, int index, long official) {
        jdbc.sql("insert into meeting_participants (meeting_id, list_index, official_id) values (?, ?, ?)")
                .params(meeting, index, official).update();
    }

    long insertOrganization(String name) {
        return jdbc.sql("insert into organizations (name, kind) values (?, 'MINISTRY') returning id").param(name)
                .query(Long.class).single();
    }

    List<Long> meetingIdsOfOrganization(long organization) {
        return http.get().uri("/api/v1/meetings?organization={id}&size=100", organization).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().get("content").valueStream()
                .map(meeting -> meeting.get("id").asLong()).toList();
    }

    List<Long> meetingIdsUnderArea(String area) {
        return http.get().uri("/api/v1/meetings?area={area}&size=100", area).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().get("content").valueStream()
                .map(found -> found.get("id").asLong()).toList();
    }

    long meetingId(String externalId) {
        return jdbc.sql("select id from meetings where external_id = ?").param(externalId).query(Long.class).single();
    }
}
