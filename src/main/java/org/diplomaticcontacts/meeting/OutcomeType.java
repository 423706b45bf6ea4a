package org.diplomaticcontacts.meeting;

public enum OutcomeType {
    AGREEMENT,
    INVITATION,
    STATEMENT,
    SIGNED_DOCUMENT,
    OTHER
}
