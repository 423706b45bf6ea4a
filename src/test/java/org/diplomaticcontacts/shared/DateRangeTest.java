package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.diplomaticcontacts.shared.DateRange.InvalidDateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The EDTF level-0 dates a meeting may carry and the day ranges they stand for. Example-based
 * tests (JUnit Jupiter) pin down the forms; properties (jqwik) check the rules for every day.
 */
class DateRangeTest {

    // ---- examples

    @ParameterizedTest(name = "{0} = {1}..{2}")
    @CsvSource({
            "2019,                   2019-01-01, 2019-12-31",
            "2019-02,                2019-02-01, 2019-02-28",
            "2020-02,                2020-02-01, 2020-02-29",
            "2019-01-24,             2019-01-24, 2019-01-24",
            "2020-02-29,             2020-02-29, 2020-02-29",
            "2018-12-06/2019-03-21,  2018-12-06, 2019-03-21",
            "2018/2019-03,           2018-01-01, 2019-03-31",
            "2019-03/2019-03-21,     2019-03-01, 2019-03-21",
            "2017/2019,              2017-01-01, 2019-12-31",
            "2019-12-31/2020,        2019-12-31, 2020-12-31",
            "2019-06-15/2019-06-15,  2019-06-15, 2019-06-15"})
    void parsesEveryPrecisionAndMixedPrecisionIntervalsToInclusiveDayRanges(String text, LocalDate start,
            LocalDate end) {
        DateRange range = DateRange.parse(text);
        assertThat(range.text()).isEqualTo(text);
        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(DateRange.parse(" 2019 ")).isEqualTo(DateRange.parse("2019"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-29", "2019-13-01", "2019-04-31", "2019-00-10", "2019-01-00", "2019-13",
            "2019-00", "2018-12-06/2019-02-30"})
    void impossibleDaysAndMonthsAreRejected(String text) {
        assertThatThrownBy(() -> DateRange.parse(text)).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining("not a real date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-21/2018-12-06", "2019/2018-12", "2019-12/2019-11-30", "2020/2019"})
    void intervalsEndingBeforeTheyStartAreRejected(String text) {
        assertThatThrownBy(() -> DateRange.parse(text)).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining("ends before it starts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "19", "20190", "2019-1-5", "2019/", "/2019", "2019-01-01/2019-02-01/2019-03-01",
            "2019-01-01T10:00", "last week", "2019-W01", "-2019", "2019-01-01 /2019-02-01x", "２０１９"})
    void whatIsNotAnEdtfLevel0DateIsRejected(String text) {
        assertThatThrownBy(() -> DateRange.parse(text)).isInstanceOf(InvalidDateException.class);
    }

    @Test
    void aRangeCannotBeBuiltBackwards() {
        assertThatThrownBy(() -> new DateRange("x", LocalDate.of(2019, 1, 2), LocalDate.of(2019, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapsIncludesBothEnds() {
        DateRange seed = DateRange.parse("2018-12-06/2019-03-21");
        assertThat(seed.overlaps(LocalDate.of(2019, 3, 21), LocalDate.of(2019, 3, 21))).isTrue();
        assertThat(seed.overlaps(LocalDate.of(2018, 12, 6), LocalDate.of(2018, 12, 6))).isTrue();
        assertThat(seed.overlaps(LocalDate.of(2019, 3, 22), LocalDate.of(2020, 1, 1))).isFalse();
        assertThat(seed.overlaps(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 5))).isFalse();
    }

    // ---- properties

    /** Days whose year has the four digits EDTF level 0 allows. */
    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs()
                .between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay)
                .edgeCases(edges -> edges.add(LocalDate.of(2020, 2, 29)).add(LocalDate.of(9999, 12, 31)));
    }

    @Provide
    Arbitrary<DateRange> ranges() {
        return Combinators.combine(days(), days()).as((a, b) -> a.isAfter(b)
                ? DateRange.parse(b + "/" + a) : DateRange.parse(a + "/" + b));
    }

    /** Any EDTF text at any precision: a year, a month or a day. */
    @Provide
    Arbitrary<String> singleDates() {
        return days().flatMap(day -> Arbitraries.of(
                "%04d".formatted(day.getYear()),
                "%04d-%02d".formatted(day.getYear(), day.getMonthValue()),
                day.toString()));
    }

    @Property
    void anyDayParsesToARangeOfThatOneDay(@ForAll("days") LocalDate day) {
        DateRange range = DateRange.parse(day.toString());
        assertThat(range.start()).isEqualTo(day);
        assertThat(range.end()).isEqualTo(day);
        assertThat(range.text()).isEqualTo(day.toString());
    }

    @Property
    void aYearOverlapsEveryDayInsideItAndNoDayOutside(@ForAll("days") LocalDate day) {
        DateRange year = DateRange.parse("%04d".formatted(day.getYear()));
        assertThat(year.overlaps(day, day)).isTrue();
        assertThat(year.start()).isEqualTo(LocalDate.of(day.getYear(), 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(day.getYear(), 12, 31));
        assertThat(year.overlaps(year.start().minusDays(1), year.start().minusDays(1))).isFalse();
        if (day.getYear() < 9999) {
            assertThat(year.overlaps(year.end().plusDays(1), year.end().plusDays(1))).isFalse();
        }
    }

    @Property
    void aMonthOverlapsEveryDayInsideItAndNoDayOutside(@ForAll("days") LocalDate day) {
        YearMonth month = YearMonth.from(day);
        DateRange range = DateRange.parse("%04d-%02d".formatted(month.getYear(), month.getMonthValue()));
        assertThat(range.overlaps(day, day)).isTrue();
        assertThat(range.start()).isEqualTo(month.atDay(1));
        assertThat(range.end()).isEqualTo(month.atEndOfMonth());
        assertThat(range.overlaps(range.start().minusDays(1), range.start().minusDays(1))).isFalse();
        if (month.getYear() < 9999 || month.getMonthValue() < 12) {
            assertThat(range.overlaps(range.end().plusDays(1), range.end().plusDays(1))).isFalse();
        }
    }

    @Property
    void overlapsIsTheIntervalIntersectionAndIsSymmetric(@ForAll("ranges") DateRange a, @ForAll("ranges") DateRange b) {
        LocalDate latestStart = a.start().isAfter(b.start()) ? a.start() : b.start();
        LocalDate earliestEnd = a.end().isBefore(b.end()) ? a.end() : b.end();
        boolean intersect = !latestStart.isAfter(earliestEnd);
        assertThat(a.overlaps(b.start(), b.end())).isEqualTo(intersect);
        assertThat(b.overlaps(a.start(), a.end())).isEqualTo(intersect);
    }

    @Property
    void anIntervalOfTwoDatesIsAcceptedExactlyWhenItDoesNotEndBeforeItStartsAndThenNeverStartsAfterItEnds(
            @ForAll("singleDates") String first, @ForAll("singleDates") String second) {
        DateRange from = DateRange.parse(first);
        DateRange to = DateRange.parse(second);
        String interval = first + "/" + second;
        if (from.start().isAfter(to.end())) {
            assertThatThrownBy(() -> DateRange.parse(interval)).isInstanceOf(InvalidDateException.class);
        }
        else {
            DateRange range = DateRange.parse(interval);
            assertThat(range.start()).isEqualTo(from.start()).isBeforeOrEqualTo(range.end());
            assertThat(range.end()).isEqualTo(to.end());
        }
    }

    @Property
    void aRangeNeverStartsAfterItEnds(@ForAll("singleDates") String text) {
        DateRange range = DateRange.parse(text);
        assertThat(range.start()).isBeforeOrEqualTo(range.end());
        assertThat(range.overlaps(range.start(), range.end())).isTrue();
    }
}
