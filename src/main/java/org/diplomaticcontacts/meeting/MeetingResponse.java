package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A meeting as clients read it. Built by {@link MeetingReader} straight from SQL. */
public record MeetingResponse(long id, MeetingKind kind, String title, @Nullable String summary, String date,
        LocalDate dateStart, LocalDate dateEnd, Location location, List<ParticipantResponse> participants,
        List<AreaResponse> cooperationAreas, List<OutcomeResponse> outcomes, List<SourceResponse> sources,
        List<RelatedMeetingResponse> relatedMeetings) {

    public record Location(@Nullable String city, @Nullable String countryCode) {
    }

    public record ParticipantResponse(OfficialRef official, @Nullable String role, @Nullable String countryCode) {
    }

    public record OfficialRef(long id, String fullName) {
    }

    public record AreaResponse(String code, String name) {
    }

    public record OutcomeResponse(OutcomeType type, String description) {
    }

    public record SourceResponse(String url, @Nullable String publisher, @Nullable LocalDate publishedOn,
            @Nullable String note) {
    }

    public record RelatedMeetingResponse(long id, MeetingKind kind, String title, String date) {
    }
}
