package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.diplomaticcontacts.shared.DateRange;

/** How a meeting's {@link DateRange} is stored: the EDTF text and the day range it stands for. */
@Embeddable
class MeetingDate {

    @Column(name = "date_text")
    private String text;

    @Column(name = "date_start")
    private LocalDate start;

    @Column(name = "date_end")
    private LocalDate end;

    protected MeetingDate() {
    }

    MeetingDate(DateRange range) {
        this.text = range.text();
        this.start = range.start();
        this.end = range.end();
    }

    DateRange range() {
        return new DateRange(text, start, end);
    }
}
