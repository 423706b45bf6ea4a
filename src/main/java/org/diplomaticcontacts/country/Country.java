package org.diplomaticcontacts.country;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** An ISO 3166-1 country. The list ships with the schema and is read-only through the API. */
@Entity
@Table(name = "countries")
public class Country {

    @Id
    @Column(columnDefinition = "bpchar(2)")
    private String code;

    @Column(columnDefinition = "bpchar(3)")
    private String alpha3;

    private String name;

    /** A state ISO 3166-3 lists as deleted, or a historical one with a user-assigned code. */
    private boolean former;

    /** A code from ISO's user-assigned range (X?), given where ISO has none. */
    private boolean userAssigned;

    @Column(name = "iso3166_3", columnDefinition = "bpchar(4)")
    private @Nullable String iso31663;

    private @Nullable Integer existedFrom;

    private @Nullable Integer existedUntil;

    protected Country() {
    }

    public String code() {
        return code;
    }

    public String alpha3() {
        return alpha3;
    }

    public String name() {
        return name;
    }

    public boolean former() {
        return former;
    }

    public boolean userAssigned() {
        return userAssigned;
    }

    /** One of the current ISO 3166-1 countries. */
    public boolean currentIso() {
        return !former && !userAssigned;
    }

    public @Nullable String iso31663() {
        return iso31663;
    }

    public @Nullable Integer existedFrom() {
        return existedFrom;
    }

    public @Nullable Integer existedUntil() {
        return existedUntil;
    }
}
