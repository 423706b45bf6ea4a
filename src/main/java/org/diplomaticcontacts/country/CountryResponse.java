package org.diplomaticcontacts.country;

public record CountryResponse(String code, String alpha3, String name) {

    static CountryResponse from(Country country) {
        return new CountryResponse(country.code(), country.alpha3(), country.name());
    }
}
