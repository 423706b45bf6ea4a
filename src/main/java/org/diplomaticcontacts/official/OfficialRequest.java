package org.diplomaticcontacts.official;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.diplomaticcontacts.shared.StorableDay;
import org.jspecify.annotations.Nullable;

public record OfficialRequest(@NotBlank @Size(max = 300) String fullName,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 300) String> aliases,
        @Size(min = 2, max = 3) @Nullable String countryCode,
        @Size(max = 50) @Nullable List<@Valid @NotNull PositionRequest> positions) {

    public List<String> aliasesOrEmpty() {
        return aliases == null ? List.of() : aliases;
    }

    public List<PositionRequest> positionsOrEmpty() {
        return positions == null ? List.of() : positions;
    }

    /** A post held; either date may be left out when the source does not give it. */
    public record PositionRequest(@NotBlank @Size(max = 300) String title, @Nullable Long organizationId,
            @StorableDay @Nullable LocalDate startDate, @StorableDay @Nullable LocalDate endDate) {

        @AssertTrue(message = "must not be after endDate")
        boolean isStartDate() {
            return startDate == null || endDate == null || !startDate.isAfter(endDate);
        }
    }
}
