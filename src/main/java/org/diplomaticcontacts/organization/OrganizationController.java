package org.diplomaticcontacts.organization;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    List<OrganizationResponse> list(@RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String q) {
        return organizations.search(country, q);
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganizationResponse> get(@PathVariable long id) {
        return ETags.ok(organizations.get(id));
    }

    @PostMapping
    ResponseEntity<OrganizationResponse> create(@Valid @RequestBody OrganizationRequest request) {
        Versioned<OrganizationResponse> created = organizations.create(request);
        return ETags.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.body().id()).toUri(), created);
    }

    @PutMapping("/{id}")
    ResponseEntity<OrganizationResponse> update(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OrganizationRequest request) {
        return ETags.ok(organizations.update(id, ETags.requiredVersion(ifMatch), request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        organizations.delete(id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
