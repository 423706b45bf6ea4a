package org.diplomaticcontacts.organization;

import org.jspecify.annotations.Nullable;

public record OrganizationResponse(Long id, String name, @Nullable String acronym, OrganizationKind kind,
        @Nullable String countryCode, @Nullable Long parentId) {

    static OrganizationResponse from(Organization organization) {
        return new OrganizationResponse(organization.id(), organization.name(), organization.acronym(),
                organization.kind(), organization.countryCode(), organization.parentId());
    }
}
