package org.diplomaticcontacts.official;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diplomaticcontacts.country.CountryService;
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
public class OfficialService {

    private final Officials officials;
    private final OfficialFinder finder;
    private final CountryService countries;

    OfficialService(Officials officials, OfficialFinder finder, CountryService countries) {
        this.officials = officials;
        this.finder = finder;
        this.countries = countries;
    }

    PageResponse<OfficialResponse> search(@Nullable String country, @Nullable String q, @Nullable String position,
            @Nullable LocalDate at, PageParams page) {
        OfficialSearch search = new OfficialSearch(
                country == null ? null : countries.resolve("country", country).code(),
                SearchWords.fullText(q), SearchWords.likePatterns(position), at);
        OfficialFinder.IdPage ids = finder.find(search, page);
        Map<Long, Official> byId = officials.findAllWithDetails(ids.ids()).stream()
                .collect(Collectors.toMap(Official::id, Function.identity()));
        List<OfficialResponse> content = ids.ids().stream().map(byId::get).map(OfficialResponse::from).toList();
        return PageResponse.of(content, page, ids.total());
    }

    OfficialResponse get(long id) {
        return OfficialResponse.from(officials.findById(id).orElseThrow(() -> new NotFoundException("Official", id)));
    }

    /** Answers 404 unless the official exists; for endpoints nested under an official. */
    public void requireExists(long id) {
        officials.findById(id).orElseThrow(() -> new NotFoundException("Official", id));
    }

    /** Resolves an official id a client sent in {@code field}; an unknown id is a 400 on that field. */
    public Official resolve(String field, long id) {
        return officials.findById(id).orElseThrow(() -> new InvalidFieldException(field, "unknown official " + id));
    }
}
