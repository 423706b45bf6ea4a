package org.diplomaticcontacts.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.official.Official;
import org.jspecify.annotations.Nullable;

/** An official at a meeting, in the capacity they had then and for the country they represented. */
@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id")
    private Official official;

    private @Nullable String role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code", columnDefinition = "bpchar(2)")
    private @Nullable Country country;

    protected Participant() {
    }

    Participant(Official official, @Nullable String role, @Nullable Country country) {
        this.official = official;
        this.role = role;
        this.country = country;
    }

    Official official() {
        return official;
    }
}
