package org.diplomaticcontacts.organization;

import java.util.List;

import org.diplomaticcontacts.country.CountryService;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.diplomaticcontacts.shared.SearchWords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final Organizations organizations;
    private final CountryService countries;

    OrganizationService(Organizations organizations, CountryService countries) {
        this.organizations = organizations;
        this.countries = countries;
    }

    List<OrganizationResponse> search(@Nullable String country, @Nullable String q) {
        String countryCode = country == null ? null : countries.resolve("country", country).code();
        return organizations.search(countryCode, SearchWords.likePatterns(q)).stream()
                .map(OrganizationResponse::from)
                .toList();
    }

    OrganizationResponse get(long id) {
        return OrganizationResponse.from(
                organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization", id)));
    }

    /** Resolves an organization id a client sent in {@code field}; an unknown id is a 400 on that field. */
    public Organization resolve(String field, long id) {
        return organizations.findById(id)
                .orElseThrow(() -> new InvalidFieldException(field, "unknown organization " + id));
    }
}
