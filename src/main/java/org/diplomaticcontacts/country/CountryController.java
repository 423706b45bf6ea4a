package org.diplomaticcontacts.country;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/countries")
class CountryController {

    private final CountryService countries;

    CountryController(CountryService countries) {
        this.countries = countries;
    }

    @GetMapping
    List<CountryResponse> list() {
        return countries.findAll();
    }

    @GetMapping("/{code}")
    CountryResponse get(@PathVariable String code) {
        return countries.get(code);
    }
}
