package org.diplomaticcontacts.meeting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.diplomaticcontacts.shared.StorableDay;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every meeting a search matches — not one page — as CSV or iCalendar, row by row from a
 * server-side cursor (fetch size, read-only transaction), so memory stays flat whatever the
 * result's size.
 *
 * <p>CSV columns, in this order: {@code id, kind, date, dateStart, dateEnd, title, summary,
 * locationCity, locationCountry, participants, sources}. Participants are
 * {@code Full Name (role) [CC]} joined with {@code "; "}; sources are URLs joined with a space.
 * RFC 4180: CRLF line ends, every cell that needs it quoted with doubled quotes; UTF-8. A cell
 * starting with {@code = + - @} (or a tab or carriage return) is prefixed with {@code '} so that a
 * spreadsheet never runs it as a formula.
 */
@Component
class MeetingExport {

    static final String CSV_HEADER =
            "id,kind,date,dateStart,dateEnd,title,summary,locationCity,locationCountry,participants,sources";
    private static final int FETCH_SIZE = 500;
    private static final DateTimeFormatter ICAL_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ICAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    MeetingExport(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
        JdbcTemplate streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    private void each(MeetingSearch search, MeetingSort sort, RowWriter writer) {
        MeetingQuery query = MeetingQuery.of(search);
        String sql = """
                %s
                select m.id, m.kind, m.date_text, m.date_start, m.date_end, m.title, m.summary, m.location_city,
                       m.location_country,
                       (select string_agg(o.full_name || coalesce(' (' || p.role || ')', '')
                                          || coalesce(' [' || p.country_code || ']', ''), '; ' order by p.list_index)
                        from meeting_participants p join officials o on o.id = p.official_id
                        where p.meeting_id = m.id) as participants,
                       (select string_agg(s.url, ' ' order by s.list_index)
                        from meeting_sources s where s.meeting_id = m.id) as sources
                %s
                %s
                order by %s
                """.formatted(query.with(), query.from(true), query.where(), query.orderBy(sort));
        // PostgreSQL only streams with a fetch size inside a transaction (autocommit off)
        readOnly.executeWithoutResult(status -> jdbc.query(sql, query.conditions().parameters(), row -> {
            try {
                writer.write(row);
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }));
    }

    void csv(MeetingSearch search, MeetingSort sort, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(CSV_HEADER + "\r\n");
        each(search, sort, row -> {
            String[] cells = {row.getString("id"), row.getString("kind"), row.getString("date_text"),
                    row.getString("date_start"), row.getString("date_end"), row.getString("title"),
                    row.getString("summary"), row.getString("location_city"), row.getString("location_country"),
                    row.getString("participants"), row.getString("sources")};
            for (int index = 0; index < cells.length; index++) {
                if (index > 0) {
                    writer.write(',');
                }
                writer.write(csvCell(cells[index]));
            }
            writer.write("\r\n");
        });
        writer.flush();
    }

    static String csvCell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /**
     * RFC 5545: one VEVENT a meeting, all-day ({@code DTSTART;VALUE=DATE}, exclusive
     * {@code DTEND}) since a meeting's date is a range of days; lines folded at 75 octets.
     */
    void calendar(MeetingSearch search, MeetingSort sort, String host, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String stamp = ICAL_STAMP.format(Instant.now());
        line(writer, "BEGIN:VCALENDAR");
        line(writer, "VERSION:2.0");
        line(writer, "PRODID:-//Diplomatic Contacts//Meetings//EN");
        line(writer, "CALSCALE:GREGORIAN");
        each(search, sort, row -> {
            LocalDate start = row.getObject("date_start", LocalDate.class);
            LocalDate end = row.getObject("date_end", LocalDate.class);
            line(writer, "BEGIN:VEVENT");
            line(writer, "UID:meeting-" + row.getLong("id") + "@" + host);
            line(writer, "DTSTAMP:" + stamp);
            line(writer, "DTSTART;VALUE=DATE:" + ICAL_DAY.format(start));
            line(writer, eventEnd(start, end));
            line(writer, "SUMMARY:" + text(row.getString("title")));
            StringBuilder description = new StringBuilder();
            append(description, row.getString("summary"));
            append(description, row.getString("participants"));
            append(description, "Date as the source gives it: " + row.getString("date_text"));
            line(writer, "DESCRIPTION:" + text(description.toString()));
            String city = row.getString("location_city");
            String country = row.getString("location_country");
            if (city != null || country != null) {
                line(writer, "LOCATION:"
                        + text(city == null ? country : country == null ? city : city + ", " + country));
            }
            String sources = row.getString("sources");
            if (sources != null && !sources.contains(" ")) {
                line(writer, "URL:" + sources);
            }
            line(writer, "CATEGORIES:" + row.getString("kind"));
            line(writer, "END:VEVENT");
        });
        line(writer, "END:VCALENDAR");
        writer.flush();
    }

    /** An all-day event ends on the day after its last (RFC 5545, 3.6.1). */
    private static String eventEnd(LocalDate start, LocalDate end) {
        if (end.isBefore(StorableDay.Check.LAST)) {
            return "DTEND;VALUE=DATE:" + ICAL_DAY.format(end.plusDays(1));
        }
        // the day after 9999-12-31 has no four-digit year to be written in: such an event gives its length
        return "DURATION:P" + (ChronoUnit.DAYS.between(start, end) + 1) + "D";
    }

    private static void append(StringBuilder text, @Nullable String part) {
        if (part != null && !part.isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(part);
        }
    }

    /** RFC 5545 TEXT escaping: backslash, semicolon, comma and newline. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Writes a content line folded at 75 octets (CRLF + space), never inside a UTF-8 sequence. */
    static void line(Writer writer, String content) throws IOException {
        int octets = 0;
        int index = 0;
        while (index < content.length()) {
            int codePoint = content.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                writer.write("\r\n ");
                octets = 1;
            }
            writer.write(Character.toChars(codePoint));
            octets += size;
            index += Character.charCount(codePoint);
        }
        writer.write("\r\n");
    }
}
