package org.diplomaticcontacts.shared;

/** A request body over the limit of its endpoint; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than this endpoint accepts (" + limit + " bytes)");
    }
}
