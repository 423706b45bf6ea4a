package org.diplomaticcontacts.official;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.country.CountryService;
import org.diplomaticcontacts.organization.Organization;
import org.diplomaticcontacts.organization.OrganizationService;
import org.diplomaticcontacts.shared.ConflictException;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officials: lists are read with SQL of their own ({@link OfficialFinder}, {@link OfficialReader}),
 * outside any transaction, as meetings are; one official is read and written through the entity.
 */
@Service
public class OfficialService {

    static final String HISTORY_TYPE = "official";

    private final Officials officials;
    private final OfficialFinder finder;
    private final OfficialReader reader;
    private final CountryService countries;
    private final OrganizationService organizations;
    private final ChangeHistory history;

    OfficialService(Officials officials, OfficialFinder finder, OfficialReader reader, CountryService countries,
            OrganizationService organizations, ChangeHistory history) {
        this.officials = officials;
        this.finder = finder;
        this.reader = reader;
        this.countries = countries;
        this.organizations = organizations;
        this.history = history;
    }

    PageResponse<OfficialResponse> search(@Nullable String country, @Nullable String q, @Nullable String position,
            @Nullable LocalDate at, PageParams page) {
        OfficialSearch search = new OfficialSearch(
                country == null ? null : countries.resolve("country", country).code(),
                SearchWords.fullText(q), SearchWords.likeWords(position), at);
        OfficialFinder.IdPage ids = finder.find(search, page);
        return PageResponse.of(reader.read(ids.ids()), page, ids.total());
    }

    @Transactional(readOnly = true)
    Versioned<OfficialResponse> get(long id) {
        return versioned(find(id));
    }

    @Transactional(readOnly = true)
    List<HistoryEntry> history(long id) {
        List<HistoryEntry> entries = history.of(HISTORY_TYPE, id);
        if (entries.isEmpty()) {
            find(id);
        }
        return entries;
    }

    @Transactional
    Versioned<OfficialResponse> create(OfficialRequest request) {
        Official official = new Official(request.fullName().strip(), country(request));
        describe(official, request);
        Versioned<OfficialResponse> created = versioned(officials.saveAndFlush(official));
        history.record(HISTORY_TYPE, official.id(), ChangeAction.CREATE, null, created.body());
        return created;
    }

    @Transactional
    Versioned<OfficialResponse> update(long id, @Nullable Long requiredVersion, OfficialRequest request) {
        Official official = find(id);
        ETags.check(requiredVersion, official.version());
        OfficialResponse before = OfficialResponse.from(official);
        official.rename(request.fullName().strip());
        official.moveTo(country(request));
        describe(official, request);
        Versioned<OfficialResponse> updated = versioned(officials.saveAndFlush(official));
        history.record(HISTORY_TYPE, id, ChangeAction.UPDATE, before, updated.body());
        return updated;
    }

    @Transactional
    void delete(long id, @Nullable Long requiredVersion) {
        Official official = find(id);
        ETags.check(requiredVersion, official.version());
        if (officials.takesPartInMeetings(id)) {
            throw new ConflictException("Official " + id + " takes part in meetings; remove them from those first");
        }
        history.record(HISTORY_TYPE, id, ChangeAction.DELETE, OfficialResponse.from(official), null);
        officials.delete(official);
    }

    /** Answers 404 unless the official exists; for endpoints nested under an official. */
    @Transactional(readOnly = true)
    public void requireExists(long id) {
        find(id);
    }

    /** Resolves an official id a client sent in {@code field}; an unknown id is a 400 on that field. */
    @Transactional(readOnly = true)
    public Official resolve(String field, long id) {
        return officials.findById(id).orElseThrow(() -> new InvalidFieldException(field, "unknown official " + id));
    }

    private void describe(Official official, OfficialRequest request) {
        official.replaceAliases(request.aliasesOrEmpty());
        List<Position> positions = new ArrayList<>();
        List<OfficialRequest.PositionRequest> requested = request.positionsOrEmpty();
        for (int index = 0; index < requested.size(); index++) {
            OfficialRequest.PositionRequest position = requested.get(index);
            Organization organization = position.organizationId() == null ? null
                    : organizations.resolve("positions[" + index + "].organizationId", position.organizationId());
            positions.add(new Position(position.title().strip(), organization, position.startDate(),
                    position.endDate()));
        }
        official.replacePositions(positions);
    }

    private Official find(long id) {
        return officials.findById(id).orElseThrow(() -> new NotFoundException("Official", id));
    }

    private @Nullable Country country(OfficialRequest request) {
        return request.countryCode() == null ? null : countries.resolve("countryCode", request.countryCode());
    }

    private static Versioned<OfficialResponse> versioned(Official official) {
        return new Versioned<>(OfficialResponse.from(official), official.version());
    }
}
