package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The total of a list by days alone, read from the counters by month (V32) and, for the days of a
 * month that {@code from} or {@code to} cuts, by day (V35), is the number of meetings overlapping
 * the window, for windows starting and ending on every side of the meetings' own first and last
 * days and of the month ends between them. So is a country's, from its counters (V24) over
 * whole months: the months after {@code to} are not read.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "test.context=meeting-day-totals"})
class MeetingDayTotalsTest extends ReadModelChecks {

    /** Days, months, a year and intervals across month ends, in February 2021 and around it. */
    private static final List<String> DATES = List.of("2021-01-31", "2021-02-01", "2021-02-14", "2021-02-14",
            "2021-02-28", "2021-03-01", "2021-02", "2021", "2021-01-30/2021-02-02", "2021-02-27/2021-03-02");

    /** The windows' first and last days; each window is also left open at either end. */
    private static final List<String> WINDOW_DAYS = List.of("2020-12-31", "2021-01-15", "2021-01-30", "2021-01-31",
            "2021-02-01", "2021-02-02", "2021-02-13", "2021-02-14", "2021-02-15", "2021-02-27", "2021-02-28",
            "2021-03-01", "2021-03-02", "2021-03-03", "2021-12-31");

    @Test
    void everyWindowIsTotalledAsTheMeetingsOverlappingItCountedOneByOne() {
        for (String date : DATES) {
            Api.Reply created = api.post("/api/v1/meetings").admin()
                    .json(MeetingWriteTest.meeting("Across " + date, date, List.of(Map.of("officialId", 1))))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertEveryDocumentIsCurrent();

        List<@Nullable LocalDate> ends = new ArrayList<>();
        ends.add(null);
        WINDOW_DAYS.stream().map(LocalDate::parse).forEach(ends::add);
        for (LocalDate from : ends) {
            for (LocalDate to : ends) {
                if (from != null && to != null && to.isBefore(from)) {
                    continue;
                }
                String days = (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
                assertTotal("/api/v1/meetings?size=1" + days, from, to, "true");
                // Kazakhstan's (the created meetings' official is Kazakh): its counters over whole months
                assertTotal("/api/v1/meetings?size=1&country=KZ" + days, from, to, """
                        (m.kind = 'VISIT' and m.location_country = 'KZ')
                        or exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.country_code = 'KZ')""");
            }
        }
    }

    /**
     * A page of one: every page with a match is full, so its total is read from the counters (or
     * counted, for a country's over days that cut months).
     */
    private void assertTotal(String path, @Nullable LocalDate from, @Nullable LocalDate to, String condition) {
        long overlapping = jdbc.sql("select count(*) from meetings m"
                        + " where m.date_end >= coalesce(cast(:from as date), '-infinity')"
                        + " and m.date_start <= coalesce(cast(:to as date), 'infinity') and (" + condition + ")")
                .param("from", from).param("to", to).query(Long.class).single();
        Api.Reply page = api.get(path).send();
        assertThat(page.status()).as(path).isEqualTo(200);
        assertThat(page.json().at("/page/totalElements").asLong()).as(path).isEqualTo(overlapping);
    }
}
