package org.diplomaticcontacts.shared;

/** The request contradicts the registry's current state (a record still referenced, say); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
