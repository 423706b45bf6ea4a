package org.diplomaticcontacts.meeting;

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

/** A meeting as an admin writes it: the read shape, with references by key. */
public record MeetingRequest(@NotNull MeetingKind kind, @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) @Nullable String summary,
        @NotBlank @Size(max = 21) String date,
        @Valid @Nullable LocationRequest location,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull ParticipantRequest> participants,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 80) String> cooperationAreas,
        @Size(max = 50) @Nullable List<@Valid @NotNull OutcomeRequest> outcomes,
        @Size(max = 50) @Nullable List<@Valid @NotNull SourceRequest> sources,
        @Size(max = 50) @Nullable List<@NotNull Long> relatedMeetingIds) {

    public record LocationRequest(@Size(max = 200) @Nullable String city,
            @Size(min = 2, max = 3) @Nullable String countryCode) {
    }

    /** {@code role} and {@code countryCode} may be left out: see {@link MeetingService}. */
    public record ParticipantRequest(@NotNull Long officialId, @Size(max = 500) @Nullable String role,
            @Size(min = 2, max = 3) @Nullable String countryCode) {
    }

    public record OutcomeRequest(@NotNull OutcomeType type, @NotBlank @Size(max = 5000) String description) {
    }

    /** A source's URL is stored as given and never fetched; only web addresses are accepted. */
    public record SourceRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*",
                    message = "must be an http or https URL") String url,
            @Size(max = 300) @Nullable String publisher, @StorableDay @Nullable LocalDate publishedOn,
            @Size(max = 2000) @Nullable String note) {
    }

    List<String> cooperationAreasOrEmpty() {
        return cooperationAreas == null ? List.of() : cooperationAreas;
    }

    List<OutcomeRequest> outcomesOrEmpty() {
        return outcomes == null ? List.of() : outcomes;
    }

    List<SourceRequest> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }

    List<Long> relatedMeetingIdsOrEmpty() {
        return relatedMeetingIds == null ? List.of() : relatedMeetingIds;
    }
}
