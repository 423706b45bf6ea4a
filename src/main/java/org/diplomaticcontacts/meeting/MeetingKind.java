package org.diplomaticcontacts.meeting;

public enum MeetingKind {
    MEETING,
    TALKS,
    /** A visit to a country; the country it took place in counts as one side of the contact. */
    VISIT,
    CALL,
    CREDENTIALS,
    CONFERENCE,
    OTHER
}
