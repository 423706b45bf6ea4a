package org.diplomaticcontacts.organization;

import java.util.List;

import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.country.CountryService;
import org.diplomaticcontacts.shared.ConflictException;
import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.diplomaticcontacts.shared.SearchWords;
import org.diplomaticcontacts.shared.Versioned;
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
        return organizations.search(countryCode, SearchWords.likeWords(q)).stream()
                .map(OrganizationResponse::from)
                .toList();
    }

    Versioned<OrganizationResponse> get(long id) {
        return versioned(find(id));
    }

    @Transactional
    Versioned<OrganizationResponse> create(OrganizationRequest request) {
        Organization organization = new Organization(request.name().strip(), request.acronym(), request.kind(),
                country(request), parent(request));
        return versioned(organizations.save(organization));
    }

    @Transactional
    Versioned<OrganizationResponse> update(long id, @Nullable Long requiredVersion, OrganizationRequest request) {
        Organization organization = find(id);
        ETags.check(requiredVersion, organization.version());
        Organization parent = parent(request);
        if (parent != null && organization.isAncestorOf(parent)) {
            throw new InvalidFieldException("parentId",
                    "an organization cannot be placed under itself or its own part");
        }
        organization.describe(request.name().strip(), request.acronym(), request.kind(), country(request), parent);
        return versioned(organizations.saveAndFlush(organization));
    }

    @Transactional
    void delete(long id, @Nullable Long requiredVersion) {
        Organization organization = find(id);
        ETags.check(requiredVersion, organization.version());
        if (organizations.isReferenced(id)) {
            throw new ConflictException(
                    "Organization " + id + " is still referenced by positions or other organizations");
        }
        organizations.delete(organization);
    }

    /** Resolves an organization id a client sent in {@code field}; an unknown id is a 400 on that field. */
    public Organization resolve(String field, long id) {
        return organizations.findById(id)
                .orElseThrow(() -> new InvalidFieldException(field, "unknown organization " + id));
    }

    private Organization find(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
    }

    private @Nullable Country country(OrganizationRequest request) {
        return request.countryCode() == null ? null : countries.resolve("countryCode", request.countryCode());
    }

    private @Nullable Organization parent(OrganizationRequest request) {
        return request.parentId() == null ? null : resolve("parentId", request.parentId());
    }

    private static Versioned<OrganizationResponse> versioned(Organization organization) {
        return new Versioned<>(OrganizationResponse.from(organization), organization.version());
    }
}
