package org.diplomaticcontacts.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    OrganizationResponse get(@PathVariable long id) {
        return organizations.get(id);
    }
}
