package org.diplomaticcontacts.shared;

import java.util.List;

/**
 * Client input that is well-formed but not acceptable, tied to the fields at fault; answered
 * with 400 and an {@code errors} list.
 */
public class InvalidFieldException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidFieldException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
