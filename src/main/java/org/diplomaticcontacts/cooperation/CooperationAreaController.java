package org.diplomaticcontacts.cooperation;

import java.util.List;

import jakarta.validation.Valid;

import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.Versioned;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/cooperation-areas")
class CooperationAreaController {

    private final CooperationAreaService areas;

    CooperationAreaController(CooperationAreaService areas) {
        this.areas = areas;
    }

    @GetMapping
    List<CooperationAreaResponse> list() {
        return areas.findAll();
    }

    @GetMapping("/{code}")
    ResponseEntity<CooperationAreaResponse> get(@PathVariable String code) {
        return ETags.ok(areas.get(code));
    }

    @PostMapping
    ResponseEntity<CooperationAreaResponse> create(@Valid @RequestBody CooperationAreaRequest request) {
        Versioned<CooperationAreaResponse> created = areas.create(request);
        return ETags.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{code}")
                .buildAndExpand(created.body().code()).toUri(), created);
    }

    @PutMapping("/{code}")
    ResponseEntity<CooperationAreaResponse> update(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CooperationAreaRequest request) {
        return ETags.ok(areas.update(code, ETags.requiredVersion(ifMatch), request));
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        areas.delete(code, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
