package org.diplomaticcontacts.shared;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** One entry of a problem document's {@code errors} list. */
public record FieldError(String field, String message) {

    /** A value sent for {@code field} (a query parameter, say) that is not a {@code type}. */
    public static FieldError notConvertible(String field, @Nullable Object value, @Nullable Class<?> type) {
        return new FieldError(field, type != null && type.isEnum()
                ? "'" + value + "' must be one of " + Arrays.toString(type.getEnumConstants())
                : "'" + value + "' is not a valid " + describe(type == null ? "value" : type.getSimpleName()));
    }

    private static String describe(String type) {
        return switch (type) {
            case "Long", "long", "Integer", "int" -> "number";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            default -> type;
        };
    }
}
