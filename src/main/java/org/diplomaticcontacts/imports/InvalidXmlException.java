package org.diplomaticcontacts.imports;

/** The body is not a well-formed, DTD-free history.state.gov XML file: the client's mistake (400). */
class InvalidXmlException extends RuntimeException {

    InvalidXmlException(String message) {
        super(message);
    }
}
