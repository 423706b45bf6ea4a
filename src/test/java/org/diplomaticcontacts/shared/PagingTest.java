package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The page contract: {@code page} from 0, {@code size} 20 by default and at most 100, values out
 * of range refused rather than clamped, and metadata that tells the truth about the whole
 * result. The seed record has 4 meetings and 4 officials.
 */
@IntegrationTest
class PagingTest {

    private static final int SEED_MEETINGS = 4;
    private static final int SEED_OFFICIALS = 4;

    @Autowired
    RestTestClient http;

    private JsonNode page(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    private List<String> badRequestFields(String uri) {
        JsonNode problem = http.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static void assertMetadata(JsonNode page, int size, int number, long totalElements, long totalPages) {
        assertThat(page.at("/page/size").asInt()).as("size").isEqualTo(size);
        assertThat(page.at("/page/number").asInt()).as("number").isEqualTo(number);
        assertThat(page.at("/page/totalElements").asLong()).as("totalElements").isEqualTo(totalElements);
        assertThat(page.at("/page/totalPages").asLong()).as("totalPages").isEqualTo(totalPages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings", "/api/v1/officials", "/api/v1/officials/1/meetings"})
    void aSizeOver100IsRefusedNamingSize(String path) {
        assertThat(badRequestFields(path + "?size=101")).containsExactly("size");
        assertThat(badRequestFields(path + "?size=1000000")).containsExactly("size");
    }

    @Test
    void size100IsAllowed() {
        assertMetadata(page("/api/v1/meetings?size=100"), 100, 0, SEED_MEETINGS, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings", "/api/v1/officials"})
    void aSizeOfZeroOrLessIsRefused(String path) {
        assertThat(badRequestFields(path + "?size=0")).containsExactly("size");
        assertThat(badRequestFields(path + "?size=-5")).containsExactly("size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings", "/api/v1/officials"})
    void aNegativePageIsRefused(String path) {
        assertThat(badRequestFields(path + "?page=-1")).containsExactly("page");
    }

    @Test
    void severalBadPageParametersAreAllNamed() {
        assertThat(badRequestFields("/api/v1/meetings?page=-1&size=0")).containsExactlyInAnyOrder("page", "size");
    }

    @Test
    void theDefaultSizeIs20() {
        assertMetadata(page("/api/v1/meetings"), 20, 0, SEED_MEETINGS, 1);
        assertMetadata(page("/api/v1/officials"), 20, 0, SEED_OFFICIALS, 1);
    }

    @Test
    void pagesOfOneCountEveryMeetingAsAPage() {
        JsonNode first = page("/api/v1/meetings?size=1");
        assertThat(first.get("content")).hasSize(1);
        assertMetadata(first, 1, 0, SEED_MEETINGS, SEED_MEETINGS);
    }

    @Test
    void pagesOfThreeLeaveOneMeetingForTheSecondPage() {
        JsonNode first = page("/api/v1/meetings?size=3");
        assertThat(first.get("content")).hasSize(3);
        assertMetadata(first, 3, 0, SEED_MEETINGS, 2);

        JsonNode second = page("/api/v1/meetings?size=3&page=1");
        assertThat(second.get("content")).hasSize(1);
        assertMetadata(second, 3, 1, SEED_MEETINGS, 2);
    }

    /** Also for the orders a page takes from the top of every match, not from an index: by relevance, an official's. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings?", "/api/v1/meetings?q=kuspan",
            "/api/v1/meetings?q=luxembourg&sort=title,desc", "/api/v1/meetings?official=1&sort=title,asc",
            "/api/v1/meetings?official=1"})
    void walkingThePagesVisitsEveryMeetingOnceInTheSameOrderAsOnePage(String search) {
        List<Long> all = page(search + "&size=100").get("content").valueStream()
                .map(meeting -> meeting.get("id").asLong()).toList();
        assertThat(all).as("the search finds several meetings").hasSizeGreaterThan(2);
        List<Long> walked = new ArrayList<>();
        for (int number = 0; number < all.size(); number++) {
            page(search + "&size=1&page=" + number).get("content")
                    .forEach(meeting -> walked.add(meeting.get("id").asLong()));
        }
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(all);
    }

    @Test
    void meetingsAreNewestFirstByDefault() {
        JsonNode content = page("/api/v1/meetings").get("content");
        List<String> starts = content.valueStream().map(meeting -> meeting.get("dateStart").asString()).toList();
        assertThat(starts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(content.get(SEED_MEETINGS - 1).get("date").asString()).isEqualTo("2017");
        assertThat(page("/api/v1/meetings?sort=date,asc").at("/content/0/date").asString()).isEqualTo("2017");
    }

    /**
     * A full page has its matches counted (from counters, in the ranking pass, or over the rows;
     * the Ministry of Foreign Affairs of Kazakhstan, 6, by its counters over whole months only; a
     * search by days alone by its counters and the days of the months it cuts); a short one holds
     * the last of them and gives their number itself: both must agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings?country=KZ&counterpart=LU",
            "/api/v1/meetings?country=LU&from=2019-01-01&to=2019-12-31",
            "/api/v1/meetings?area=parliamentary-cooperation", "/api/v1/meetings?official=1",
            "/api/v1/meetings?official=1&from=2019-01-01", "/api/v1/meetings?organization=6",
            "/api/v1/meetings?organization=6&from=2019-01-01", "/api/v1/meetings?organization=6&to=2019-03-31",
            "/api/v1/meetings?organization=6&from=2019-03-21", "/api/v1/meetings?q=kuspan",
            "/api/v1/meetings?q=kuspan&sort=date,asc", "/api/v1/meetings?kind=MEETING", "/api/v1/meetings?",
            "/api/v1/meetings?from=2019-01-01", "/api/v1/meetings?to=2018-12-31",
            "/api/v1/meetings?from=2019-03-21",
            "/api/v1/officials?country=LU", "/api/v1/officials?at=2019-03-21"})
    void everyPageOfASearchTellsTheSameTotalWhetherFullOrShort(String search) {
        long matches = page(search + "&size=100").get("content").size();
        assertThat(matches).as("the search finds several records").isGreaterThan(1);
        for (int size = 1; size <= matches + 1; size++) {
            long pages = (matches + size - 1) / size;
            for (int number = 0; number <= pages; number++) {
                JsonNode page = page(search + "&size=" + size + "&page=" + number);
                assertThat(page.get("content").size()).as("size %d, page %d", size, number)
                        .isEqualTo(Math.max(0, Math.min(size, matches - (long) number * size)));
                assertMetadata(page, size, number, matches, pages);
            }
        }
    }

    @Test
    void aPagePastTheEndIsEmptyButStillCountsEverything() {
        JsonNode meetings = page("/api/v1/meetings?size=3&page=5");
        assertThat(meetings.get("content")).isEmpty();
        assertMetadata(meetings, 3, 5, SEED_MEETINGS, 2);

        JsonNode officials = page("/api/v1/officials?size=3&page=2");
        assertThat(officials.get("content")).isEmpty();
        assertMetadata(officials, 3, 2, SEED_OFFICIALS, 2);
    }

    @Test
    void anEmptyResultHasNoPages() {
        JsonNode none = page("/api/v1/meetings?country=FR");
        assertThat(none.get("content")).isEmpty();
        assertMetadata(none, 20, 0, 0, 0);
        assertMetadata(page("/api/v1/meetings?country=FR&page=3"), 20, 3, 0, 0);
    }

    @Test
    void officialsPageMetadataIsCorrectWithPagesOfOneAndThree() {
        assertMetadata(page("/api/v1/officials?size=1"), 1, 0, SEED_OFFICIALS, SEED_OFFICIALS);
        JsonNode second = page("/api/v1/officials?size=3&page=1");
        assertThat(second.get("content")).hasSize(1);
        assertMetadata(second, 3, 1, SEED_OFFICIALS, 2);
    }
}
