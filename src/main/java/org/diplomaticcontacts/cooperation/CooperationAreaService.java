package org.diplomaticcontacts.cooperation;

import java.util.List;

import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CooperationAreaService {

    private final CooperationAreas areas;

    CooperationAreaService(CooperationAreas areas) {
        this.areas = areas;
    }

    List<CooperationAreaResponse> findAll() {
        return areas.findAllByOrderByCode().stream().map(CooperationAreaResponse::from).toList();
    }

    CooperationAreaResponse get(String code) {
        return CooperationAreaResponse.from(
                areas.findByCode(code).orElseThrow(() -> new NotFoundException("Cooperation area", code)));
    }

    /** Resolves an area code a client sent in {@code field}; an unknown code is a 400 on that field. */
    public CooperationArea resolve(String field, String code) {
        return areas.findByCode(code)
                .orElseThrow(() -> new InvalidFieldException(field, "unknown cooperation area '" + code + "'"));
    }
}
