package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diplomaticcontacts.meeting.SeedMeetings.ALL;
import static org.diplomaticcontacts.meeting.SeedMeetings.ETGEN;
import static org.diplomaticcontacts.meeting.SeedMeetings.EXPO_VISIT;
import static org.diplomaticcontacts.meeting.SeedMeetings.GRAAS;
import static org.diplomaticcontacts.meeting.SeedMeetings.KUSPAN_MEETINGS;
import static org.diplomaticcontacts.meeting.SeedMeetings.SCHNEIDER;

import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.OkJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Each filter of {@code GET /meetings}, {@code GET /officials} and {@code GET /organizations}
 * on its own and in combination, against the seed record (migration V4). Ids are looked up
 * through the API, never assumed.
 */
@IntegrationTest
class MeetingFilterTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private List<String> titles(String query, Object... variables) {
        return SeedMeetings.titles(http, query, variables);
    }

    private JsonNode get(String uri, Object... variables) {
        return OkJson.get(http, uri, variables);
    }

    private long officialId(String words) {
        JsonNode found = get("/api/v1/officials?q={q}", words).get("content");
        assertThat(found).as("officials matching '%s'", words).hasSize(1);
        return found.get(0).get("id").asLong();
    }

    private long organizationId(String name) {
        for (JsonNode organization : get("/api/v1/organizations")) {
            if (organization.get("name").asString().equals(name)) {
                return organization.get("id").asLong();
            }
        }
        throw new AssertionError("no organization named " + name);
    }

    private List<String> officialNames(String query, Object... variables) {
        return get("/api/v1/officials?size=100&" + query, variables).get("content").valueStream()
                .map(official -> official.get("fullName").asString()).toList();
    }

    private List<String> organizationNames(String query, Object... variables) {
        return get("/api/v1/organizations?" + query, variables).valueStream()
                .map(organization -> organization.get("name").asString()).toList();
    }

    @Test
    void withoutFiltersEverySeedMeetingIsListed() {
        assertThat(titles("")).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Nested
    class CountryFilters {

        @Test
        void countryFindsMeetingsWhereAParticipantRepresentsItAndVisitsToIt() {
            JsonNode visit = get("/api/v1/meetings?kind=VISIT").at("/content/0");
            assertThat(visit.get("participants").valueStream().map(p -> p.get("countryCode").asString()))
                    .as("nobody at the EXPO visit represents Kazakhstan").doesNotContain("KZ");

            assertThat(titles("country=KZ")).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void countryFindsMeetingsOfItsRepresentatives() {
            assertThat(titles("country=LU")).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void countryAcceptsTheAlpha3CodeInAnyCase() {
            assertThat(titles("country=kaz")).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(titles("country=lu")).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void aCountryNobodyRepresentedFindsNothing() {
            assertThat(titles("country=FR")).isEmpty();
        }

        @Test
        void counterpartAloneFollowsTheSameRuleAsCountry() {
            assertThat(titles("counterpart=KZ")).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(titles("counterpart=LU")).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(titles("counterpart=DE")).isEmpty();
        }

        @Test
        void thePairNeedsBothCountries() {
            assertThat(titles("country=KZ&counterpart=LU")).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(titles("country=KZ&counterpart=FR")).isEmpty();
            assertThat(titles("country=FR&counterpart=LU")).isEmpty();
        }

        @Test
        void locationIsTheCountryWhereItTookPlace() {
            assertThat(titles("location=LU")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
            assertThat(titles("location=KZ")).containsExactly(EXPO_VISIT);
            assertThat(titles("location=kaz")).containsExactly(EXPO_VISIT);
            assertThat(titles("location=FR")).isEmpty();
        }
    }

    @Nested
    class OfficialFilter {

        @Test
        void officialFindsTheMeetingsTheyTookPartIn() {
            assertThat(titles("official={id}", officialId("kuspan")))
                    .containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
            assertThat(titles("official={id}", officialId("schneider")))
                    .containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("official={id}", officialId("etgen"))).containsExactly(ETGEN);
            assertThat(titles("official={id}", officialId("graas"))).containsExactly(GRAAS);
        }

        @Test
        void anOfficialsMeetingsAreListedNewestFirst() {
            JsonNode page = get("/api/v1/officials/{id}/meetings", officialId("schneider"));
            assertThat(SeedMeetings.titlesOf(page)).containsExactly(SCHNEIDER, EXPO_VISIT);
            assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
        }

        @Test
        void theMeetingsOfAnOfficialMatchTheOfficialFilter() {
            long kuspan = officialId("kuspan");
            assertThat(SeedMeetings.titlesOf(get("/api/v1/officials/{id}/meetings", kuspan)))
                    .containsExactlyElementsOf(titles("official={id}", kuspan));
        }

        @Test
        void theMeetingsOfAnUnknownOfficialAre404() {
            http.get().uri("/api/v1/officials/{id}/meetings", Long.MAX_VALUE).exchange()
                    .expectStatus().isNotFound();
        }

        @Test
        void officialWithADateRangeKeepsOnlyMeetingsOverlappingIt() {
            long schneider = officialId("schneider");
            assertThat(titles("official={id}&from=2018-01-01", schneider)).containsExactly(SCHNEIDER);
            assertThat(titles("official={id}&to=2017-12-31", schneider)).containsExactly(EXPO_VISIT);
            assertThat(titles("official={id}&from=2017-06-01&to=2019-01-01", schneider))
                    .containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("official={id}&from=2018-01-01&to=2018-12-05", schneider)).isEmpty();
        }

        @Test
        void officialAndWordsNarrowEachOther() {
            assertThat(titles("official={id}&q=graas", officialId("kuspan"))).containsExactly(GRAAS);
            assertThat(titles("official={id}&q=graas", officialId("schneider"))).isEmpty();
        }
    }

    @Nested
    class OrganizationFilter {

        @Test
        void organizationFindsMeetingsOfThoseHoldingAPostThere() {
            assertThat(titles("organization={id}", organizationId("Chamber of Deputies of Luxembourg")))
                    .containsExactlyInAnyOrder(ETGEN, GRAAS);
            assertThat(titles("organization={id}", organizationId("Parliamentary Assembly of the Council of Europe")))
                    .containsExactly(GRAAS);
            assertThat(titles("organization={id}", organizationId("Ministry of Foreign Affairs of Kazakhstan")))
                    .containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
        }

        @Test
        void anOrganizationWhereNoParticipantHeldAPostFindsNothing() {
            assertThat(titles("organization={id}", organizationId("Council of Europe"))).isEmpty();
            assertThat(titles("organization={id}", organizationId("Astana International Financial Centre"))).isEmpty();
        }

        @Test
        void aPostCountsOnlyWhenItWasHeldAtTheTimeOfTheMeeting() {
            long chamber = organizationId("Chamber of Deputies of Luxembourg");
            long formerMember = jdbc.sql("insert into officials (full_name, country_code) "
                    + "values ('Test Former Member', 'LU') returning id")
                    .query(Long.class).single();
            long laterMember = jdbc.sql("insert into officials (full_name, country_code) "
                    + "values ('Test Later Member', 'LU') returning id")
                    .query(Long.class).single();
            long meeting = jdbc.sql("""
                    insert into meetings (kind, title, date_text, date_start, date_end, location_country)
                    values ('MEETING', 'Test meeting of 2020', '2020-05', date '2020-05-01', date '2020-05-31', 'LU')
                    returning id""").query(Long.class).single();
            try {
                jdbc.sql("""
                        insert into positions (official_id, list_index, title, organization_id, start_date, end_date)
                        values (:former, 0, 'Member of the Chamber of Deputies', :chamber,
                                date '2013-11-13', date '2018-12-05'),
                               (:later, 0, 'Member of the Chamber of Deputies', :chamber, date '2020-06-01', null)""")
                        .param("former", formerMember).param("later", laterMember).param("chamber", chamber).update();
                jdbc.sql("""
                        insert into meeting_participants (meeting_id, list_index, official_id, country_code)
                        values (:meeting, 0, :former, 'LU'), (:meeting, 1, :later, 'LU')""")
                        .param("meeting", meeting).param("former", formerMember).param("later", laterMember).update();

                assertThat(titles("organization={id}", chamber)).containsExactlyInAnyOrder(ETGEN, GRAAS);

                jdbc.sql("update positions set end_date = date '2020-05-01' where official_id = :former")
                        .param("former", formerMember).update();
                assertThat(titles("organization={id}", chamber))
                        .containsExactlyInAnyOrder(ETGEN, GRAAS, "Test meeting of 2020");
            }
            finally {
                jdbc.sql("delete from meetings where id = :id").param("id", meeting).update();
                jdbc.sql("delete from officials where id in (:ids)").param("ids", List.of(formerMember, laterMember))
                        .update();
            }
        }

        @Test
        void organizationAndAreaNarrowEachOther() {
            long chamber = organizationId("Chamber of Deputies of Luxembourg");
            assertThat(titles("organization={id}&area=parliamentary-cooperation", chamber))
                    .containsExactlyInAnyOrder(ETGEN, GRAAS);
            assertThat(titles("organization={id}&area=finance", chamber)).containsExactly(ETGEN);
        }
    }

    @Nested
    class AreaFilter {

        @Test
        void areaFindsMeetingsTaggedWithIt() {
            assertThat(titles("area=parliamentary-cooperation")).containsExactlyInAnyOrder(ETGEN, GRAAS);
            assertThat(titles("area=digital-technologies")).containsExactly(ETGEN);
            assertThat(titles("area=space-industry")).containsExactlyInAnyOrder(ETGEN, SCHNEIDER);
            assertThat(titles("area=telemedicine")).containsExactly(SCHNEIDER);
        }

        @Test
        void areaIncludesItsSubAreas() {
            assertThat(titles("area=health")).containsExactlyInAnyOrder(ETGEN, SCHNEIDER);
            assertThat(titles("area=finance")).containsExactlyInAnyOrder(ETGEN, SCHNEIDER);
        }

        @Test
        void aMeetingTaggedOnlyWithASubAreaIsFoundByItsParentAndNotBySiblings() {
            long meeting = jdbc.sql("""
                    insert into meetings (kind, title, date_text, date_start, date_end, location_country)
                    values ('CALL', 'Test call about telemedicine only', '2021',
                            date '2021-01-01', date '2021-12-31', 'LU')
                    returning id""").query(Long.class).single();
            try {
                jdbc.sql("insert into meeting_cooperation_areas (meeting_id, area_code) values (:id, 'telemedicine')")
                        .param("id", meeting).update();

                assertThat(titles("area=health")).containsExactlyInAnyOrder(ETGEN, SCHNEIDER,
                        "Test call about telemedicine only");
                assertThat(titles("area=telemedicine")).containsExactlyInAnyOrder(SCHNEIDER,
                        "Test call about telemedicine only");
                assertThat(titles("area=digitalisation-of-health-care")).containsExactly(SCHNEIDER);
                assertThat(titles("area=finance")).doesNotContain("Test call about telemedicine only");
            }
            finally {
                jdbc.sql("delete from meetings where id = :id").param("id", meeting).update();
            }
        }

        @Test
        void countryCounterpartAndAreaCombine() {
            assertThat(titles("country=KZ&counterpart=LU&area=health")).containsExactlyInAnyOrder(ETGEN, SCHNEIDER);
            assertThat(titles("country=KZ&counterpart=LU&area=parliamentary-cooperation"))
                    .containsExactlyInAnyOrder(ETGEN, GRAAS);
            assertThat(titles("country=KZ&counterpart=FR&area=health")).isEmpty();
        }
    }

    @Nested
    class KindAndDates {

        @Test
        void kindFindsOnlyThatKind() {
            assertThat(titles("kind=VISIT")).containsExactly(EXPO_VISIT);
            assertThat(titles("kind=MEETING")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
            assertThat(titles("kind=CALL")).isEmpty();
        }

        /** As Spring's DataBinder had them: an empty parameter is no filter. */
        @Test
        void emptyFiltersFilterNothing() {
            assertThat(titles("kind=&from=&to=&official=&organization=")).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void kindAndLocationCombine() {
            assertThat(titles("kind=VISIT&location=KZ")).containsExactly(EXPO_VISIT);
            assertThat(titles("kind=VISIT&location=LU")).isEmpty();
            assertThat(titles("kind=MEETING&location=LU")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
            assertThat(titles("kind=MEETING&location=KZ")).isEmpty();
        }

        @Test
        void fromKeepsMeetingsEndingOnOrAfterIt() {
            assertThat(titles("from=2018-01-01")).containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
        }

        @Test
        void toKeepsMeetingsStartingOnOrBeforeIt() {
            assertThat(titles("to=2017-12-31")).containsExactly(EXPO_VISIT);
        }

        @Test
        void kindAndDatesCombine() {
            assertThat(titles("kind=VISIT&from=2018-01-01")).isEmpty();
            assertThat(titles("kind=MEETING&to=2017-12-31")).isEmpty();
            assertThat(titles("kind=VISIT&from=2017-03-01&to=2017-03-01")).containsExactly(EXPO_VISIT);
        }
    }

    @Nested
    class WordsFilter {

        @Test
        void wordsAreCaseInsensitive() {
            assertThat(titles("q=schneider")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("q=SCHNEIDER")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("q=sChNeIdEr")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
        }

        @Test
        void wordsAreAccentInsensitive() {
            assertThat(titles("q={q}", "etienne")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("q={q}", "Étienne")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("q={q}", "ÉTIENNE")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
        }

        @Test
        void everyWordMustMatch() {
            assertThat(titles("q={q}", "kuspan etgen")).containsExactly(ETGEN);
            assertThat(titles("q={q}", "schneider expo")).containsExactlyInAnyOrder(SCHNEIDER, EXPO_VISIT);
            assertThat(titles("q={q}", "kuspan expo")).containsExactly(SCHNEIDER);
            assertThat(titles("q={q}", "etgen graas")).isEmpty();
        }

        @Test
        void wordsAreLookedForInSummariesOutcomesAndParticipantAliases() {
            assertThat(titles("q={q}", "venice commission")).containsExactly(GRAAS);
            assertThat(titles("q={q}", "invited")).as("only in Etgen's invitation outcome").containsExactly(ETGEN);
            assertThat(titles("q={q}", "Куспан")).as("Kuspan's Cyrillic alias")
                    .containsExactlyInAnyOrderElementsOf(KUSPAN_MEETINGS);
        }

        @Test
        void aQueryOfWildcardsOrPunctuationOnlyIsRefusedRatherThanMatchingEverything() {
            for (String q : new String[] {"%", "_", "--"}) {
                http.get().uri("/api/v1/meetings?q={q}", q).exchange().expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
            }
        }

        @Test
        void wordsCombineWithOtherFilters() {
            assertThat(titles("q=schneider&kind=VISIT")).containsExactly(EXPO_VISIT);
            assertThat(titles("q=schneider&location=LU")).containsExactly(SCHNEIDER);
            assertThat(titles("q=pace&area=parliamentary-cooperation&country=KZ"))
                    .containsExactlyInAnyOrder(ETGEN, GRAAS);
        }
    }

    @Nested
    class OfficialSearch {

        @Test
        void officialsByCountry() {
            assertThat(officialNames("country=KZ")).containsExactly("Aigul Kuspan");
            assertThat(officialNames("country=lux"))
                    .containsExactlyInAnyOrder("Fernand Etgen", "Gusty Graas", "Étienne Schneider");
            assertThat(officialNames("country=FR")).isEmpty();
        }

        @Test
        void officialsByWordsOfTheirNameOrAnAliasInAnyScriptCaseOrAccent() {
            assertThat(officialNames("q={q}", "Куспан")).containsExactly("Aigul Kuspan");
            assertThat(officialNames("q={q}", "куспан айгуль")).containsExactly("Aigul Kuspan");
            assertThat(officialNames("q={q}", "KUSPAN aigul")).containsExactly("Aigul Kuspan");
            assertThat(officialNames("q={q}", "etienne")).containsExactly("Étienne Schneider");
            assertThat(officialNames("q={q}", "gusty etgen")).isEmpty();
        }

        @Test
        void officialsByTheWordsOfAPositionTitle() {
            assertThat(officialNames("position={p}", "chamber of deputies"))
                    .containsExactlyInAnyOrder("Fernand Etgen", "Gusty Graas");
            assertThat(officialNames("position={p}", "prime minister")).containsExactly("Étienne Schneider");
            assertThat(officialNames("position={p}", "ambassador")).containsExactly("Aigul Kuspan");
        }

        @Test
        void officialsHoldingAPostOnADay() {
            assertThat(officialNames("at=2018-12-05"))
                    .as("Etgen's only post starts on 2018-12-06")
                    .containsExactlyInAnyOrder("Aigul Kuspan", "Gusty Graas", "Étienne Schneider");
            assertThat(officialNames("at=2018-12-06"))
                    .containsExactlyInAnyOrder("Aigul Kuspan", "Fernand Etgen", "Gusty Graas", "Étienne Schneider");
        }

        @Test
        void positionAndDayNarrowTheSamePost() {
            assertThat(officialNames("country=LU&position={p}&at=2019-03-21", "prime minister"))
                    .containsExactly("Étienne Schneider");
            assertThat(officialNames("position={p}&at=2018-12-05", "president")).isEmpty();
            assertThat(officialNames("position={p}&at=2018-12-06", "president")).containsExactly("Fernand Etgen");
            assertThat(officialNames("position={p}&at=2018-12-05", "chamber of deputies"))
                    .as("Graas's membership has no known start; Etgen's presidency had not begun")
                    .containsExactly("Gusty Graas");
        }
    }

    @Nested
    class OrganizationSearch {

        @Test
        void organizationsByCountry() {
            assertThat(organizationNames("country=KZ")).containsExactlyInAnyOrder(
                    "Ministry of Foreign Affairs of Kazakhstan", "Astana International Financial Centre");
            assertThat(organizationNames("country=lu")).containsExactlyInAnyOrder(
                    "Chamber of Deputies of Luxembourg", "Luxembourg Financial Technology Transfer Agency");
            assertThat(organizationNames("country=FR")).isEmpty();
        }

        @Test
        void organizationsByWordsOfTheirNameOrAcronym() {
            assertThat(organizationNames("q={q}", "council of europe")).containsExactlyInAnyOrder(
                    "Council of Europe", "Parliamentary Assembly of the Council of Europe",
                    "Venice Commission of the Council of Europe");
            assertThat(organizationNames("q={q}", "PACE"))
                    .containsExactly("Parliamentary Assembly of the Council of Europe");
            assertThat(organizationNames("q={q}", "osce")).containsExactly("OSCE Parliamentary Assembly");
        }

        @Test
        void organizationsByCountryAndWords() {
            assertThat(organizationNames("country=KZ&q={q}", "financial"))
                    .containsExactly("Astana International Financial Centre");
            assertThat(organizationNames("country=LU&q={q}", "financial"))
                    .containsExactly("Luxembourg Financial Technology Transfer Agency");
            assertThat(organizationNames("country=LU&q={q}", "council")).isEmpty();
        }
    }
}
