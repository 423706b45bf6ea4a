package org.diplomaticcontacts.shared;

/** A resource the client named does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " does not exist");
    }
}
