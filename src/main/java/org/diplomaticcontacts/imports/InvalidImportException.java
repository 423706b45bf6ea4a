package org.diplomaticcontacts.imports;

/** An import document that cannot be read at all (not JSON, wrong structure); answered with 400. */
class InvalidImportException extends RuntimeException {

    InvalidImportException(String message) {
        super(message);
    }
}
