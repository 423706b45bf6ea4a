package org.diplomaticcontacts.country;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Country lookups; other features resolve the codes clients send through here. The list only
 * changes with a migration, so it is read once and kept: resolving the codes of a filter then
 * costs no SQL.
 */
@Service
public class CountryService {

    private final Countries countries;
    private volatile @Nullable Map<String, Country> byCode;

    CountryService(Countries countries) {
        this.countries = countries;
    }

    /** The current ISO 3166-1 countries; with {@code all}, also former states and user-assigned codes. */
    List<CountryResponse> findAll(boolean all) {
        return byCode().values().stream().distinct().filter(country -> all || country.currentIso())
                .map(CountryResponse::from).toList();
    }

    CountryResponse get(String code) {
        return CountryResponse.from(find(code));
    }

    /** Finds a country by alpha-2 or alpha-3 code, in any case, or answers 404. */
    public Country find(String code) {
        return lookup(code).orElseThrow(() -> new NotFoundException("Country", code));
    }

    /**
     * Resolves a code a client put in a filter or body; an unknown one is the client's mistake
     * in that field (400), not a missing resource.
     */
    public Country resolve(String field, String code) {
        return lookup(code).orElseThrow(() -> new InvalidFieldException(field, "unknown country code '" + code + "'"));
    }

    private Optional<Country> lookup(String code) {
        return Optional.ofNullable(byCode().get(code.strip().toUpperCase(Locale.ROOT)));
    }

    private Map<String, Country> byCode() {
        Map<String, Country> loaded = byCode;
        if (loaded == null) {
            loaded = new LinkedHashMap<>();
            for (Country country : countries.findAllByOrderByName()) {
                loaded.put(country.code(), country);
                loaded.put(country.alpha3(), country);
            }
            byCode = loaded;
        }
        return loaded;
    }
}
