package org.diplomaticcontacts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.OkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** {@code q} on /meetings and /officials: full text, any case, any accent, any script, small typos. */
@IntegrationTest
class FullTextSearchTest {

    @Autowired
    RestTestClient http;

    private JsonNode get(String uri, Object... variables) {
        return OkJson.get(http, uri, variables);
    }

    private List<String> officialNames(String q) {
        return get("/api/v1/officials?q={q}", q).get("content").valueStream()
                .map(official -> official.get("fullName").asString()).toList();
    }

    private List<String> meetingTitles(String q, String... sort) {
        String uri = "/api/v1/meetings?q={q}" + (sort.length == 0 ? "" : "&sort=" + sort[0]);
        return get(uri, q).get("content").valueStream().map(meeting -> meeting.get("title").asString()).toList();
    }

    private List<List<String>> meetingParticipants(String q) {
        return get("/api/v1/meetings?q={q}", q).get("content").valueStream()
                .map(meeting -> meeting.get("participants").valueStream()
                        .map(participant -> participant.at("/official/fullName").asString()).toList())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"etienne", "ÉTIENNE", "Étienne", "schnei", "schnieder", "Etienne Schnieder", "SCHNEIDER"})
    void findsEtienneSchneiderByAnyCaseAccentPrefixOrSmallMisspelling(String q) {
        assertThat(officialNames(q)).containsExactly("Étienne Schneider");
        List<List<String>> participants = meetingParticipants(q);
        assertThat(participants).hasSize(2).allSatisfy(names -> assertThat(names).contains("Étienne Schneider"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kuspan", "Kuspan Aigul", "Куспан", "куспан айгуль", "KUSPAN", "aigul"})
    void findsAigulKuspanByNameAliasOrCyrillicAlias(String q) {
        assertThat(officialNames(q)).containsExactly("Aigul Kuspan");
        List<List<String>> participants = meetingParticipants(q);
        assertThat(participants).hasSize(3).allSatisfy(names -> assertThat(names).contains("Aigul Kuspan"));
    }

    @Test
    void everyWordMustMatch() {
        assertThat(officialNames("kuspan schneider")).isEmpty();
        assertThat(meetingParticipants("kuspan schneider")).singleElement()
                .satisfies(names -> assertThat(names).containsExactly("Aigul Kuspan", "Étienne Schneider"));
        assertThat(meetingTitles("schneider zzzzzzz")).isEmpty();
    }

    @Test
    void wordsThatOnlyLookAlikeDoNotMatch() {
        assertThat(officialNames("schmidt")).isEmpty();
        assertThat(officialNames("kusnetsova")).isEmpty();
        assertThat(officialNames("etge")).containsExactly("Fernand Etgen");
    }

    @Test
    void searchesOutcomesAndSummaries() {
        assertThat(meetingTitles("invitation chairman")).singleElement().asString().contains("Fernand Etgen");
        assertThat(meetingTitles("telemedicine")).singleElement().asString().contains("Étienne Schneider");
    }

    @Test
    void ordersByRelevanceWhenSearchingUnlessSortSaysOtherwise() {
        // EXPO is in the title of the 2017 visit, only in the summary of the later meeting
        List<String> byRelevance = meetingTitles("expo");
        assertThat(byRelevance).hasSize(2);
        assertThat(byRelevance.get(0)).contains("visits Kazakhstan");
        assertThat(meetingTitles("expo", "relevance")).isEqualTo(byRelevance);
        assertThat(meetingTitles("expo", "date,desc")).containsExactly(byRelevance.get(1), byRelevance.get(0));
    }

    @Test
    void punctuationAndQuerySyntaxAreJustSeparators() {
        assertThat(officialNames("kuspan & | ! :* ' \\")).containsExactly("Aigul Kuspan");
        // nothing but punctuation is no search at all: refused, not silently "match everything"
        http.get().uri("/api/v1/meetings?q={q}", "!!! ???").exchange().expectStatus().isBadRequest();
    }

    @Test
    void relevanceWithoutWordsIsNewestFirst() {
        JsonNode page = get("/api/v1/meetings?sort=relevance");
        assertThat(page.at("/content/0/date").asString()).isEqualTo("2018-12-06/2019-03-21");
        assertThat(page.at("/content/3/date").asString()).isEqualTo("2017");
    }

    @Test
    void officialsHoldingAPostOnADay() {
        // Schneider's posts have unknown starts and ends: they count as open, so held on that day
        assertThat(get("/api/v1/officials?country=LU&position={p}&at=2019-03-21", "prime minister").get("content")
                .valueStream().map(o -> o.get("fullName").asString()).toList()).containsExactly("Étienne Schneider");
        // Etgen took office on 2018-12-06: not yet President of the Chamber the day before
        assertThat(get("/api/v1/officials?position={p}&at=2018-12-05", "president of the chamber")
                .at("/page/totalElements").asLong()).isZero();
        assertThat(get("/api/v1/officials?position={p}&at=2018-12-06", "president of the chamber").get("content")
                .valueStream().map(o -> o.get("fullName").asString()).toList()).containsExactly("Fernand Etgen");
    }

    /**
     * Organizations by q and officials by position match words with LIKE. Folding turns the
     * fullwidth ％ ＿ ＼ into LIKE's own characters: escaped before it, they were a wildcard
     * matching every record, or an error.
     */
    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "\\", "％", "＿", "＼", "＼½"})
    void likeCharactersOfAnyWidthMatchOnlyThemselves(String q) {
        assertThat(get("/api/v1/organizations?q={q}", q).valueStream().toList()).isEmpty();
        assertThat(get("/api/v1/officials?position={p}", q).at("/page/totalElements").asLong()).isZero();
    }

    @Test
    void fullwidthLettersFindWhatTheirPlainFormsFind() {
        assertThat(get("/api/v1/organizations?q={q}", "Ｃｈａｍｂｅｒ").valueStream()
                .map(organization -> organization.get("name").asString()).toList())
                .containsExactly("Chamber of Deputies of Luxembourg");
        assertThat(get("/api/v1/officials?position={p}", "ｃｈａｍｂｅｒ").at("/page/totalElements").asLong())
                .isPositive();
    }
}
