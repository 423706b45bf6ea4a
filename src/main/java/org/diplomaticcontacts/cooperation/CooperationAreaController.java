package org.diplomaticcontacts.cooperation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    CooperationAreaResponse get(@PathVariable String code) {
        return areas.get(code);
    }
}
