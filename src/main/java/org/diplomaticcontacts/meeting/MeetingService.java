package org.diplomaticcontacts.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diplomaticcontacts.cooperation.CooperationArea;
import org.diplomaticcontacts.cooperation.CooperationAreaService;
import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.country.CountryService;
import org.diplomaticcontacts.official.Official;
import org.diplomaticcontacts.official.OfficialService;
import org.diplomaticcontacts.organization.OrganizationService;
import org.diplomaticcontacts.shared.DateRange;
import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.SearchWords;
import org.diplomaticcontacts.shared.Versioned;
import org.diplomaticcontacts.shared.history.ChangeAction;
import org.diplomaticcontacts.shared.history.ChangeHistory;
import org.diplomaticcontacts.shared.history.HistoryEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings: reads are single statements of {@link MeetingReader}, outside any transaction (one
 * statement is consistent on its own, and a transaction would cost a round trip more); writes go
 * through the entities, each in one transaction with its history.
 */
@Service
class MeetingService {

    static final String HISTORY_TYPE = "meeting";

    private final MeetingReader reader;
    private final Meetings meetings;
    private final ChangeHistory history;
    private final CountryService countries;
    private final OfficialService officials;
    private final OrganizationService organizations;
    private final CooperationAreaService areas;
    private final MeetingLinkLocks linkLocks;

    MeetingService(MeetingReader reader, Meetings meetings, ChangeHistory history, CountryService countries,
            OfficialService officials, OrganizationService organizations, CooperationAreaService areas,
            MeetingLinkLocks linkLocks) {
        this.reader = reader;
        this.meetings = meetings;
        this.history = history;
        this.countries = countries;
        this.officials = officials;
        this.organizations = organizations;
        this.areas = areas;
        this.linkLocks = linkLocks;
    }

    /**
     * The filters as a client sent them (bound from the query string), before their codes and ids
     * are checked.
     */
    record Filters(@Nullable String country, @Nullable String counterpart, @Nullable Long official,
            @Nullable Long organization, @Nullable String area, @Nullable String location, @Nullable MeetingKind kind,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable String q,
            @Nullable String sort) {
    }

    /**
     * A page of meetings. The ids and codes a filter names are checked only when nothing
     * matched: a match proves them known, so a search costs its one statement.
     */
    PageResponse<MeetingDocument> search(Filters filters, PageParams page) {
        MeetingSearch search = resolve(filters);
        MeetingSort sort = MeetingSort.of(filters.sort(), search.words() != null);
        PageResponse<MeetingDocument> found = reader.find(search, sort, page);
        if (found.page().totalElements() == 0) {
            requireKnownReferences(filters);
        }
        return found;
    }

    /** Checks the filters (400 before any byte is streamed) and answers what to export. */
    MeetingSearch exportSearch(Filters filters) {
        MeetingSearch search = resolve(filters);
        requireKnownReferences(filters);
        return search;
    }

    PageResponse<MeetingDocument> findByOfficial(long officialId, PageParams page) {
        PageResponse<MeetingDocument> found =
                reader.find(MeetingSearch.byOfficial(officialId), MeetingSort.DATE_DESC, page);
        if (found.page().totalElements() == 0) {
            officials.requireExists(officialId);
        }
        return found;
    }

    Versioned<MeetingDocument> get(long id) {
        return reader.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    List<HistoryEntry> history(long id) {
        List<HistoryEntry> entries = history.of(HISTORY_TYPE, id);
        if (entries.isEmpty()) {
            get(id);
        }
        return entries;
    }

    @Transactional
    Versioned<MeetingDocument> create(MeetingRequest request) {
        linkLocks.lock(request);
        linkLocks.lockRelatedMeetings(null, request.relatedMeetingIdsOrEmpty());
        DateRange date = DateRange.parse(request.date());
        Meeting meeting = meetings.save(new Meeting(request.kind(), request.title().strip(), date));
        describe(meeting, request, date);
        meetings.flush();
        Versioned<MeetingDocument> created = get(meeting.id());
        history.record(HISTORY_TYPE, meeting.id(), ChangeAction.CREATE, null, created.body());
        return created;
    }

    @Transactional
    Versioned<MeetingDocument> update(long id, @Nullable Long requiredVersion, MeetingRequest request) {
        // locked before it is read: a write relating it meanwhile gives it a new version
        linkLocks.lock(request);
        linkLocks.lockRelatedMeetings(id, request.relatedMeetingIdsOrEmpty());
        Meeting meeting = meetings.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
        ETags.check(requiredVersion, meeting.version());
        MeetingDocument before = get(id).body();
        describe(meeting, request, DateRange.parse(request.date()));
        meetings.flush();
        Versioned<MeetingDocument> updated = get(id);
        history.record(HISTORY_TYPE, id, ChangeAction.UPDATE, before, updated.body());
        return updated;
    }

    @Transactional
    void delete(long id, @Nullable Long requiredVersion) {
        linkLocks.lockRelatedMeetings(id, List.of());
        Meeting meeting = meetings.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
        ETags.check(requiredVersion, meeting.version());
        history.record(HISTORY_TYPE, id, ChangeAction.DELETE, get(id).body(), null);
        meeting.replaceRelatedMeetings(List.of());
        meetings.delete(meeting);
        meetings.flush();
    }

    /**
     * Sets everything a request describes, checking each reference and naming the field of any
     * that does not resolve. A participant's role left out is the title(s) of the posts the
     * official held during the meeting's days; a country left out is the official's.
     */
    private void describe(Meeting meeting, MeetingRequest request, DateRange date) {
        MeetingRequest.LocationRequest location = request.location();
        Country locationCountry = location == null || location.countryCode() == null ? null
                : countries.resolve("location.countryCode", location.countryCode());
        meeting.describe(request.kind(), request.title().strip(), request.summary(), date,
                location == null ? null : location.city(), locationCountry);

        List<Participant> participants = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int index = 0; index < request.participants().size(); index++) {
            MeetingRequest.ParticipantRequest requested = request.participants().get(index);
            String field = "participants[" + index + "]";
            if (!seen.add(requested.officialId())) {
                throw new InvalidFieldException(field + ".officialId", "this official is already a participant");
            }
            Official official = officials.resolve(field + ".officialId", requested.officialId());
            String role = requested.role() != null ? requested.role()
                    : official.titlesHeldBetween(date.start(), date.end());
            Country country = requested.countryCode() != null
                    ? countries.resolve(field + ".countryCode", requested.countryCode())
                    : official.countryCode() == null ? null : countries.find(official.countryCode());
            participants.add(new Participant(official, role, country));
        }
        meeting.replaceParticipants(participants);

        List<CooperationArea> areaList = new ArrayList<>();
        List<String> codes = request.cooperationAreasOrEmpty();
        for (int index = 0; index < codes.size(); index++) {
            areaList.add(areas.resolve("cooperationAreas[" + index + "]", codes.get(index)));
        }
        meeting.replaceCooperationAreas(areaList);

        meeting.replaceOutcomes(request.outcomesOrEmpty().stream()
                .map(outcome -> new Outcome(outcome.type(), outcome.description().strip())).toList());
        meeting.replaceSources(request.sourcesOrEmpty().stream()
                .map(source -> new Source(source.url().strip(), source.publisher(), source.publishedOn(),
                        source.note()))
                .toList());

        List<Meeting> related = new ArrayList<>();
        List<Long> relatedIds = request.relatedMeetingIdsOrEmpty();
        for (int index = 0; index < relatedIds.size(); index++) {
            long relatedId = relatedIds.get(index);
            String field = "relatedMeetingIds[" + index + "]";
            if (meeting.id() != null && meeting.id() == relatedId) {
                throw new InvalidFieldException(field, "a meeting cannot be related to itself");
            }
            related.add(meetings.findById(relatedId)
                    .orElseThrow(() -> new InvalidFieldException(field, "unknown meeting " + relatedId)));
        }
        meeting.replaceRelatedMeetings(related);
    }

    /**
     * Checks what can be checked without SQL (country codes are cached, dates compared) and
     * normalizes the filters. An unknown country names the field (400), not an empty result.
     */
    private MeetingSearch resolve(Filters filters) {
        if (filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())) {
            throw new InvalidFieldException("to", "must not be before from (" + filters.from() + ")");
        }
        return new MeetingSearch(
                filters.country() == null ? null : countries.resolve("country", filters.country()).code(),
                filters.counterpart() == null ? null : countries.resolve("counterpart", filters.counterpart()).code(),
                filters.official(), filters.organization(), filters.area(),
                filters.location() == null ? null : countries.resolve("location", filters.location()).code(),
                filters.kind(), filters.from(), filters.to(), SearchWords.fullText(filters.q()));
    }

    /**
     * A filter naming an official, organization or area that does not exist is a mistake worth
     * telling (400), not an empty result.
     */
    private void requireKnownReferences(Filters filters) {
        if (filters.official() != null) {
            officials.resolve("official", filters.official());
        }
        if (filters.organization() != null) {
            organizations.resolve("organization", filters.organization());
        }
        if (filters.area() != null) {
            areas.resolve("area", filters.area());
        }
    }
}
