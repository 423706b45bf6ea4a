package org.diplomaticcontacts.relations;

import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.country.CountryResponse;
import org.diplomaticcontacts.country.CountryService;
import org.springframework.stereotype.Service;

@Service
class RelationsService {

    private final CountryService countries;
    private final RelationsReader reader;

    RelationsService(CountryService countries, RelationsReader reader) {
        this.countries = countries;
        this.reader = reader;
    }

    /** Both codes are path segments: an unknown one is a missing resource (404). */
    RelationsResponse between(String code, String otherCode) {
        Country country = countries.find(code);
        Country counterpart = countries.find(otherCode);
        RelationsResponse.Figures figures = reader.figures(country.code(), counterpart.code());
        return new RelationsResponse(CountryResponse.from(country), CountryResponse.from(counterpart),
                figures.meetingCount(),
                figures.firstDate(), figures.lastDate(), figures.byYear(), figures.byArea(), figures.officials());
    }
}
