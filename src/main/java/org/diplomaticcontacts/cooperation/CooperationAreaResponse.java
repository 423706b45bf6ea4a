package org.diplomaticcontacts.cooperation;

import org.jspecify.annotations.Nullable;

public record CooperationAreaResponse(String code, String name, @Nullable String parentCode) {

    static CooperationAreaResponse from(CooperationArea area) {
        CooperationArea parent = area.parent();
        return new CooperationAreaResponse(area.code(), area.name(), parent == null ? null : parent.code());
    }
}
