package org.diplomaticcontacts.official;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/officials")
class OfficialController {

    private final OfficialService officials;

    OfficialController(OfficialService officials) {
        this.officials = officials;
    }

    @GetMapping
    PageResponse<OfficialResponse> list(@RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String position,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        return officials.search(country, q, position, at, new PageParams(page, size));
    }

    @GetMapping("/{id}")
    OfficialResponse get(@PathVariable long id) {
        return officials.get(id);
    }
}
