package org.diplomaticcontacts.country;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/countries")
class CountryController {

    private final CountryService countries;

    CountryController(CountryService countries) {
        this.countries = countries;
    }

    /** The 249 current ISO countries; {@code ?all=true} adds former states (SU, DD, YU …) and X? codes. */
    @GetMapping
    List<CountryResponse> list(@RequestParam(defaultValue = "false") boolean all) {
        return countries.findAll(all);
    }

    @GetMapping("/{code}")
    CountryResponse get(@PathVariable String code) {
        return countries.get(code);
    }
}
