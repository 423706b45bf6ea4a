package org.diplomaticcontacts.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

public record OrganizationRequest(@NotBlank @Size(max = 300) String name, @Size(max = 40) @Nullable String acronym,
        @NotNull OrganizationKind kind, @Size(min = 2, max = 3) @Nullable String countryCode,
        @Nullable Long parentId) {
}
