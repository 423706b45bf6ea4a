package org.diplomaticcontacts.official;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

public record OfficialResponse(Long id, String fullName, List<String> aliases, @Nullable String countryCode,
        List<PositionResponse> positions) {

    public record PositionResponse(String title, @Nullable Long organizationId, @Nullable LocalDate startDate,
            @Nullable LocalDate endDate) {
    }

    static OfficialResponse from(Official official) {
        return new OfficialResponse(official.id(), official.fullName(),
                official.aliases().stream().sorted().toList(), official.countryCode(),
                official.positions().stream()
                        .map(p -> new PositionResponse(p.title(), p.organizationId(), p.startDate(), p.endDate()))
                        .toList());
    }
}
