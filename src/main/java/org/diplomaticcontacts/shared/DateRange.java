package org.diplomaticcontacts.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A date known to the precision a source gives: an EDTF level-0 string ({@code 2019},
 * {@code 2019-01}, {@code 2019-01-24}, or an interval {@code 2018-12-06/2019-03-21} whose
 * ends may have different precisions) together with the inclusive range of days it stands for.
 * A day that is not known is never stored as if it were: {@code 2019} covers the whole year.
 */
public record DateRange(String text, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DateRange {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
    }

    /**
     * Reads an EDTF level-0 date or interval.
     *
     * @throws InvalidDateException naming what is wrong: the form, an impossible day, or an
     *         interval whose end comes before its start
     */
    public static DateRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        DateRange range = slash < 0 ? parseSingle(trimmed) : parseInterval(trimmed, slash);
        if (range.start().getYear() < 1) {
            // year 0 is 1 BC, which PostgreSQL would store and write back as "0001-01-01 BC"
            throw new InvalidDateException("'" + trimmed + "' starts in year 0000: years run from 0001 to 9999");
        }
        return range;
    }

    private static DateRange parseInterval(String trimmed, int slash) {
        DateRange from = parseSingle(trimmed.substring(0, slash));
        DateRange to = parseSingle(trimmed.substring(slash + 1));
        if (from.start().isAfter(to.end())) {
            throw new InvalidDateException("the interval " + trimmed + " ends before it starts");
        }
        return new DateRange(trimmed, from.start(), to.end());
    }

    private static DateRange parseSingle(String text) {
        try {
            if (YEAR.matcher(text).matches()) {
                Year year = Year.parse(text);
                return new DateRange(text, year.atDay(1), year.atMonth(12).atEndOfMonth());
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return new DateRange(text, month.atDay(1), month.atEndOfMonth());
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new DateRange(text, day, day);
            }
        }
        catch (DateTimeException impossible) {
            throw new InvalidDateException(text + " is not a real date");
        }
        throw new InvalidDateException(
                "'" + text + "' is not an EDTF date: use YYYY, YYYY-MM, YYYY-MM-DD or start/end");
    }

    /** Whether any day of this range falls between {@code from} and {@code to} (both inclusive). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }

    /** A date a client sent could not be read. */
    public static class InvalidDateException extends RuntimeException {

        public InvalidDateException(String message) {
            super(message);
        }
    }
}
