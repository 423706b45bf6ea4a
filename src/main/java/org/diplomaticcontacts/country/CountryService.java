package org.diplomaticcontacts.country;

import java.util.List;

import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Country lookups; other features resolve the codes clients send through here. */
@Service
@Transactional(readOnly = true)
public class CountryService {

    private final Countries countries;

    CountryService(Countries countries) {
        this.countries = countries;
    }

    List<CountryResponse> findAll() {
        return countries.findAllByOrderByName().stream().map(CountryResponse::from).toList();
    }

    CountryResponse get(String code) {
        return CountryResponse.from(find(code));
    }

    /** Finds a country by alpha-2 or alpha-3 code, in any case, or answers 404. */
    public Country find(String code) {
        return countries.findByAnyCode(code.strip()).orElseThrow(() -> new NotFoundException("Country", code));
    }

    /**
     * Resolves a code a client put in a filter or body; an unknown one is the client's mistake
     * in that field (400), not a missing resource.
     */
    public Country resolve(String field, String code) {
        return countries.findByAnyCode(code.strip())
                .orElseThrow(() -> new InvalidFieldException(field, "unknown country code '" + code + "'"));
    }
}
