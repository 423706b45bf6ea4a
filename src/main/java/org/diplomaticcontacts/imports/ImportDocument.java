package org.diplomaticcontacts.imports;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.diplomaticcontacts.shared.StorableDay;
import org.jspecify.annotations.Nullable;

/**
 * The records of a JSON import, in the write shapes of the API, where any record may carry an
 * {@code externalId} ("scheme:id") and references may use one ({@code officialRef},
 * {@code organizationRef}, {@code parentRef}, {@code relatedRefs}) instead of a database id.
 */
final class ImportDocument {

    static final String EXTERNAL_ID = "[^\\s:]+:\\S+";
    static final String MESSAGE = "must look like scheme:id";

    private ImportDocument() {
    }

    record Organization(@Size(max = 200) @Pattern(regexp = EXTERNAL_ID, message = MESSAGE) @Nullable String externalId,
            @NotBlank @Size(max = 300) String name, @Size(max = 40) @Nullable String acronym,
            @NotNull @Pattern(regexp = "PARLIAMENT|PARLIAMENTARY_ASSEMBLY|GOVERNMENT|MINISTRY|EMBASSY"
                    + "|INTERNATIONAL_ORGANIZATION|AGENCY|FINANCIAL_CENTRE|OTHER",
                    message = "is not an organization kind") String kind,
            @Size(min = 2, max = 3) @Nullable String countryCode, @Nullable Long parentId,
            @Size(max = 200) @Nullable String parentRef) {
    }

    record CooperationArea(@Size(max = 200) @Nullable String externalId,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "must be a slug") String code,
            @NotBlank @Size(max = 200) String name, @Size(max = 80) @Nullable String parentCode,
            @Size(max = 80) @Nullable String parentRef) {
    }

    record Official(@Size(max = 200) @Pattern(regexp = EXTERNAL_ID, message = MESSAGE) @Nullable String externalId,
            @NotBlank @Size(max = 300) String fullName,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 300) String> aliases,
            @Size(min = 2, max = 3) @Nullable String countryCode,
            @Size(max = 50) @Nullable List<@Valid @NotNull Position> positions) {
    }

    record Position(@NotBlank @Size(max = 300) String title, @Nullable Long organizationId,
            @Size(max = 200) @Nullable String organizationRef, @StorableDay @Nullable LocalDate startDate,
            @StorableDay @Nullable LocalDate endDate) {
    }

    record Meeting(@Size(max = 200) @Pattern(regexp = EXTERNAL_ID, message = MESSAGE) @Nullable String externalId,
            @NotBlank @Pattern(regexp = "MEETING|TALKS|VISIT|CALL|CREDENTIALS|CONFERENCE|OTHER",
                    message = "is not a meeting kind") String kind,
            @NotBlank @Size(max = 500) String title, @Size(max = 20000) @Nullable String summary,
            @NotBlank @Size(max = 21) String date, @Valid @Nullable Location location,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Participant> participants,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 80) String> cooperationAreas,
            @Size(max = 50) @Nullable List<@Valid @NotNull Outcome> outcomes,
            @Size(max = 50) @Nullable List<@Valid @NotNull Source> sources,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 200) String> relatedRefs) {
    }

    record Location(@Size(max = 200) @Nullable String city, @Size(min = 2, max = 3) @Nullable String countryCode) {
    }

    record Participant(@Nullable Long officialId, @Size(max = 200) @Nullable String officialRef,
            @Size(max = 500) @Nullable String role, @Size(min = 2, max = 3) @Nullable String countryCode) {
    }

    record Outcome(@NotNull @Pattern(regexp = "AGREEMENT|INVITATION|STATEMENT|SIGNED_DOCUMENT|OTHER",
            message = "is not an outcome type") String type, @NotBlank @Size(max = 5000) String description) {
    }

    record Source(@NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*",
            message = "must be an http or https URL") String url, @Size(max = 300) @Nullable String publisher,
            @StorableDay @Nullable LocalDate publishedOn, @Size(max = 2000) @Nullable String note) {
    }

    /** A whole document, read record by record. */
    record Contents(List<Organization> organizations, List<CooperationArea> cooperationAreas,
            List<Official> officials, List<Meeting> meetings) {
    }
}
