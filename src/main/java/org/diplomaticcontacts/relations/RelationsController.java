package org.diplomaticcontacts.relations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/countries")
class RelationsController {

    private final RelationsService relations;

    RelationsController(RelationsService relations) {
        this.relations = relations;
    }

    @GetMapping("/{code}/relations/{other}")
    RelationsResponse between(@PathVariable String code, @PathVariable String other) {
        return relations.between(code, other);
    }
}
