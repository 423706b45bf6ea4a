package org.diplomaticcontacts.shared;

/** One entry of a problem document's {@code errors} list. */
public record FieldError(String field, String message) {
}
