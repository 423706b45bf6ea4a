package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/** A published report a meeting is known from. The URL is stored, never fetched. */
@Embeddable
public class Source {

    private String url;

    private @Nullable String publisher;

    private @Nullable LocalDate publishedOn;

    private @Nullable String note;

    protected Source() {
    }

    Source(String url, @Nullable String publisher, @Nullable LocalDate publishedOn, @Nullable String note) {
        this.url = url;
        this.publisher = publisher;
        this.publishedOn = publishedOn;
        this.note = note;
    }
}
