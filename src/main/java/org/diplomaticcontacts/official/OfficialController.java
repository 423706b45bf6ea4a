package org.diplomaticcontacts.official;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.StorableDay;
import org.diplomaticcontacts.shared.Versioned;
import org.diplomaticcontacts.shared.history.HistoryEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @StorableDay
            @Nullable LocalDate at,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        return officials.search(country, q, position, at, new PageParams(page, size));
    }

    @GetMapping("/{id}")
    ResponseEntity<OfficialResponse> get(@PathVariable long id) {
        return ETags.ok(officials.get(id));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return officials.history(id);
    }

    @PostMapping
    ResponseEntity<OfficialResponse> create(@Valid @RequestBody OfficialRequest request) {
        Versioned<OfficialResponse> created = officials.create(request);
        return ETags.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.body().id()).toUri(), created);
    }

    @PutMapping("/{id}")
    ResponseEntity<OfficialResponse> update(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OfficialRequest request) {
        return ETags.ok(officials.update(id, ETags.requiredVersion(ifMatch), request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        officials.delete(id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
