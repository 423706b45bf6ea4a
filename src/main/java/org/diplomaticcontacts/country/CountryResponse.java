package org.diplomaticcontacts.country;

import org.jspecify.annotations.Nullable;

/**
 * {@code former} states carry their ISO 3166-3 code (if any) and the years they existed;
 * {@code userAssigned} codes come from ISO's user-assigned range, for states ISO gives none.
 */
public record CountryResponse(String code, String alpha3, String name, boolean former, boolean userAssigned,
        @Nullable String iso3166_3,
        @Nullable Integer existedFrom, @Nullable Integer existedUntil) {

    public static CountryResponse from(Country country) {
        return new CountryResponse(country.code(), country.alpha3(), country.name(), country.former(),
                country.userAssigned(), country.iso31663(), country.existedFrom(), country.existedUntil());
    }
}
