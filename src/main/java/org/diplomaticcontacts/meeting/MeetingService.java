package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import org.diplomaticcontacts.cooperation.CooperationAreaService;
import org.diplomaticcontacts.country.CountryService;
import org.diplomaticcontacts.official.OfficialService;
import org.diplomaticcontacts.organization.OrganizationService;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.SearchWords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class MeetingService {

    private final MeetingReader reader;
    private final CountryService countries;
    private final OfficialService officials;
    private final OrganizationService organizations;
    private final CooperationAreaService areas;

    MeetingService(MeetingReader reader, CountryService countries, OfficialService officials,
            OrganizationService organizations, CooperationAreaService areas) {
        this.reader = reader;
        this.countries = countries;
        this.officials = officials;
        this.organizations = organizations;
        this.areas = areas;
    }

    /** The filters as a client sent them, before their codes and ids are checked. */
    record Filters(@Nullable String country, @Nullable String counterpart, @Nullable Long official,
            @Nullable Long organization, @Nullable String area, @Nullable String location, @Nullable MeetingKind kind,
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q, @Nullable String sort) {
    }

    PageResponse<MeetingResponse> search(Filters filters, PageParams page) {
        MeetingSearch search = resolve(filters);
        return reader.find(search, MeetingSort.of(filters.sort(), search.words() != null), page);
    }

    PageResponse<MeetingResponse> findByOfficial(long officialId, PageParams page) {
        officials.requireExists(officialId);
        return reader.find(MeetingSearch.byOfficial(officialId), MeetingSort.DATE_DESC, page);
    }

    MeetingReader.Versioned get(long id) {
        return reader.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    /**
     * Checks every code and id a client filtered by: a filter naming something that does not
     * exist is a mistake worth telling (400), not an empty result.
     */
    private MeetingSearch resolve(Filters filters) {
        if (filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())) {
            throw new InvalidFieldException("to", "must not be before from (" + filters.from() + ")");
        }
        return new MeetingSearch(
                filters.country() == null ? null : countries.resolve("country", filters.country()).code(),
                filters.counterpart() == null ? null : countries.resolve("counterpart", filters.counterpart()).code(),
                filters.official() == null ? null : officials.resolve("official", filters.official()).id(),
                filters.organization() == null ? null
                        : organizations.resolve("organization", filters.organization()).id(),
                filters.area() == null ? null : areas.resolve("area", filters.area()).code(),
                filters.location() == null ? null : countries.resolve("location", filters.location()).code(),
                filters.kind(), filters.from(), filters.to(), SearchWords.fullText(filters.q()));
    }
}
