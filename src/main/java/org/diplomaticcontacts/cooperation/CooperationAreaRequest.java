package org.diplomaticcontacts.cooperation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** {@code code} is required to create an area; on an update it may be left out (it is in the path). */
public record CooperationAreaRequest(
        @Size(max = 80) @Pattern(regexp = CODE,
                message = "must be a slug such as space-industry") @Nullable String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 80) @Nullable String parentCode) {

    static final String CODE = "[a-z0-9]+(-[a-z0-9]+)*";
}
