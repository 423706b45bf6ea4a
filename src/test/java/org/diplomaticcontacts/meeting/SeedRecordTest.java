package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The first record, as the Kazinform text gives it: nothing missing, nothing invented. */
@IntegrationTest
class SeedRecordTest {

    private static final String SOURCE =
            "https://en.inform.kz/news/kazakh-ambassador-holds-high-level-meetings-in-luxembourg_a3490676/";

    @Autowired
    RestTestClient http;

    private JsonNode get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    private JsonNode meetingWith(String fullName) {
        for (JsonNode meeting : get("/api/v1/meetings?kind=MEETING&size=100").get("content")) {
            for (JsonNode participant : meeting.get("participants")) {
                if (participant.at("/official/fullName").asString().equals(fullName)) {
                    return meeting;
                }
            }
        }
        throw new AssertionError("no meeting with " + fullName);
    }

    private static Map<String, String> rolesByName(JsonNode meeting) {
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        meeting.get("participants").forEach(p -> roles.put(p.at("/official/fullName").asString(),
                p.get("role").asString() + " [" + p.get("countryCode").asString() + "]"));
        return roles;
    }

    private static List<String> areaCodes(JsonNode meeting) {
        return meeting.get("cooperationAreas").valueStream().map(a -> a.get("code").asString()).toList();
    }

    @Test
    void threeMeetingsOnTheSameUnknownDayAreStoredAsTheSameRangeNeverOneDay() {
        JsonNode meetings = get("/api/v1/meetings?kind=MEETING");
        assertThat(meetings.at("/page/totalElements").asLong()).isEqualTo(3);
        for (JsonNode meeting : meetings.get("content")) {
            assertThat(meeting.get("date").asString()).isEqualTo("2018-12-06/2019-03-21");
            assertThat(meeting.get("dateStart").asString()).isEqualTo("2018-12-06");
            assertThat(meeting.get("dateEnd").asString()).isEqualTo("2019-03-21");
            assertThat(meeting.at("/location/countryCode").asString()).isEqualTo("LU");
            assertThat(meeting.at("/location/city").isNull()).isTrue();
        }
    }

    @Test
    void kuspanMeetsEtgenAsPresidentOfTheChamberWithTheAgreementAndTheInvitation() {
        JsonNode meeting = meetingWith("Fernand Etgen");
        assertThat(rolesByName(meeting)).containsExactly(
                Map.entry("Aigul Kuspan", "Ambassador of Kazakhstan to the Grand Duchy of Luxembourg [KZ]"),
                Map.entry("Fernand Etgen", "President of the Chamber of Deputies of Luxembourg [LU]"));
        assertThat(areaCodes(meeting)).contains("finance", "space-industry", "health", "digital-technologies");
        List<String> outcomes = meeting.get("outcomes").valueStream()
                .map(o -> o.get("type").asString() + ": " + o.get("description").asString()).toList();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).startsWith("AGREEMENT: ").contains("inter-parliamentary ties", "PACE", "OSCE PA");
        assertThat(outcomes.get(1)).startsWith("INVITATION: ").contains("visit", "this year");
    }

    @Test
    void kuspanMeetsGraasAsNewHeadOfTheDelegationToPace() {
        JsonNode meeting = meetingWith("Gusty Graas");
        assertThat(rolesByName(meeting)).containsEntry("Gusty Graas",
                "Head of the Luxembourg delegation to PACE, Member of the Chamber of Deputies of Luxembourg [LU]");
        assertThat(meeting.get("summary").asString()).contains("Venice Commission", "European conventions");
    }

    @Test
    void kuspanMeetsSchneiderAboutHealthWithTelemedicineUnderHealth() {
        JsonNode meeting = meetingWith("Étienne Schneider");
        assertThat(rolesByName(meeting)).containsEntry("Étienne Schneider",
                "Deputy Prime Minister, Minister of the Economy and Minister of Health of Luxembourg [LU]");
        assertThat(areaCodes(meeting)).contains("health", "telemedicine", "digitalisation-of-health-care",
                "space-industry");
        assertThat(get("/api/v1/cooperation-areas/telemedicine").get("parentCode").asString()).isEqualTo("health");
        assertThat(get("/api/v1/cooperation-areas/digitalisation-of-health-care").get("parentCode").asString())
                .isEqualTo("health");
        assertThat(meeting.get("summary").asString())
                .contains("«Astana» International Financial Centre", "Luxembourg Financial Technology Transfer Agency");
    }

    @Test
    void everySeedMeetingCitesKazinformQuotingTheMinistryPressServiceWithoutInventingAPublicationDay() {
        for (JsonNode meeting : get("/api/v1/meetings").get("content")) {
            JsonNode source = meeting.at("/sources/0");
            assertThat(source.get("url").asString()).isEqualTo(SOURCE);
            assertThat(source.get("publisher").asString()).isEqualTo("Kazinform");
            assertThat(source.get("note").asString()).contains("press service", "Ministry of Foreign Affairs");
            assertThat(source.get("publishedOn").isNull()).isTrue();
        }
    }

    @Test
    void schneidersExpo2017VisitIsAnEarlierVisitKnownToTheYearAndRelatedToHisMeetingWithKuspan() {
        JsonNode visits = get("/api/v1/meetings?kind=VISIT").get("content");
        assertThat(visits).hasSize(1);
        JsonNode visit = visits.get(0);
        assertThat(visit.get("date").asString()).isEqualTo("2017");
        assertThat(visit.get("dateStart").asString()).isEqualTo("2017-01-01");
        assertThat(visit.get("dateEnd").asString()).isEqualTo("2017-12-31");
        assertThat(visit.at("/location/countryCode").asString()).isEqualTo("KZ");
        assertThat(visit.get("title").asString()).contains("EXPO 2017", "pavilion");
        assertThat(visit.at("/participants/0/official/fullName").asString()).isEqualTo("Étienne Schneider");

        JsonNode withSchneider = meetingWith("Étienne Schneider");
        assertThat(withSchneider.at("/relatedMeetings/0/id").asLong()).isEqualTo(visit.get("id").asLong());
        assertThat(visit.at("/relatedMeetings/0/id").asLong()).isEqualTo(withSchneider.get("id").asLong());
    }

    @Test
    void organizationsNamedInTheTextExistWithPaceAndTheVeniceCommissionUnderTheCouncilOfEurope() {
        JsonNode organizations = get("/api/v1/organizations");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        organizations.forEach(o -> byName.put(o.get("name").asString(), o));
        assertThat(byName).containsKeys("Chamber of Deputies of Luxembourg", "Council of Europe",
                "Parliamentary Assembly of the Council of Europe", "OSCE Parliamentary Assembly",
                "Venice Commission of the Council of Europe", "Ministry of Foreign Affairs of Kazakhstan",
                "Astana International Financial Centre", "Luxembourg Financial Technology Transfer Agency");
        long councilId = byName.get("Council of Europe").get("id").asLong();
        assertThat(byName.get("Parliamentary Assembly of the Council of Europe").get("parentId").asLong())
                .isEqualTo(councilId);
        assertThat(byName.get("Venice Commission of the Council of Europe").get("parentId").asLong())
                .isEqualTo(councilId);
        assertThat(byName.get("Council of Europe").get("countryCode").isNull()).isTrue();
        assertThat(byName.get("Chamber of Deputies of Luxembourg").get("countryCode").asString()).isEqualTo("LU");
    }

    @Test
    void etgensPresidencyStartsOnTheDayTheTextGivesAndOtherStartsStayUnknown() {
        JsonNode etgen = get("/api/v1/officials?q=etgen").at("/content/0");
        assertThat(etgen.at("/positions/0/title").asString()).isEqualTo("President of the Chamber of Deputies");
        assertThat(etgen.at("/positions/0/startDate").asString()).isEqualTo("2018-12-06");
        JsonNode schneider = get("/api/v1/officials?q=schneider").at("/content/0");
        assertThat(schneider.get("aliases").valueStream().map(JsonNode::asString)).contains("Etienne Schneider");
        assertThat(schneider.get("positions").valueStream().map(p -> p.get("startDate").isNull())).containsOnly(true);
    }

    @Test
    void allIsoCountriesShip() {
        assertThat(get("/api/v1/countries")).hasSize(249);
        assertThat(get("/api/v1/countries/kaz").get("code").asString()).isEqualTo("KZ");
        assertThat(get("/api/v1/countries/lu").get("alpha3").asString()).isEqualTo("LUX");
    }
}
