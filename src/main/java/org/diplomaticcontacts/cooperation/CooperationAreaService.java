package org.diplomaticcontacts.cooperation;

import java.util.List;

import org.diplomaticcontacts.shared.ConflictException;
import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.NotFoundException;
import org.diplomaticcontacts.shared.Versioned;
import org.jspecify.annotations.Nullable;
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

    Versioned<CooperationAreaResponse> get(String code) {
        return versioned(find(code));
    }

    @Transactional
    Versioned<CooperationAreaResponse> create(CooperationAreaRequest request) {
        String code = request.code();
        if (code == null) {
            throw new InvalidFieldException("code", "must not be null");
        }
        if (areas.existsByCode(code)) {
            throw new ConflictException("Cooperation area " + code + " already exists");
        }
        return versioned(areas.save(new CooperationArea(code, request.name().strip(), parent(request))));
    }

    @Transactional
    Versioned<CooperationAreaResponse> update(String code, @Nullable Long requiredVersion,
            CooperationAreaRequest request) {
        CooperationArea area = find(code);
        ETags.check(requiredVersion, area.version());
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidFieldException("code", "an area's code cannot change; create a new area instead");
        }
        CooperationArea parent = parent(request);
        if (parent != null && area.contains(parent)) {
            throw new InvalidFieldException("parentCode", "an area cannot be placed under itself or its own sub-area");
        }
        area.describe(request.name().strip(), parent);
        return versioned(areas.saveAndFlush(area));
    }

    @Transactional
    void delete(String code, @Nullable Long requiredVersion) {
        CooperationArea area = find(code);
        ETags.check(requiredVersion, area.version());
        if (areas.isReferenced(code)) {
            throw new ConflictException("Cooperation area " + code + " is still used by meetings or sub-areas");
        }
        areas.delete(area);
    }

    /** Resolves an area code a client sent in {@code field}; an unknown code is a 400 on that field. */
    public CooperationArea resolve(String field, String code) {
        return areas.findByCode(code)
                .orElseThrow(() -> new InvalidFieldException(field, "unknown cooperation area '" + code + "'"));
    }

    private CooperationArea find(String code) {
        return areas.findByCode(code).orElseThrow(() -> new NotFoundException("Cooperation area", code));
    }

    private @Nullable CooperationArea parent(CooperationAreaRequest request) {
        return request.parentCode() == null ? null : resolve("parentCode", request.parentCode());
    }

    private static Versioned<CooperationAreaResponse> versioned(CooperationArea area) {
        return new Versioned<>(CooperationAreaResponse.from(area), area.version());
    }
}
