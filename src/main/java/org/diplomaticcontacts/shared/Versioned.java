package org.diplomaticcontacts.shared;

/** A single resource with the version its ETag is made from. */
public record Versioned<T>(T body, long version) {
}
