package org.diplomaticcontacts.shared;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** The role a participant had at a meeting, derived from the titles of the posts they held then. */
public final class ParticipantRole {

    /** The characters of a meeting participant's role (meeting_participants.role). */
    private static final int LENGTH = 500;

    private ParticipantRole() {
    }

    /**
     * Titles joined as a participant's role ("Deputy Prime Minister, Minister of Health"), each
     * once, in the order given, and only as many as fit the role's 500 characters (a title has at
     * most 300); null when there are none. An official of the history.state.gov data holds a post
     * for each visit, so a long meeting finds the same title many times.
     */
    public static @Nullable String of(Stream<String> titles) {
        StringBuilder role = new StringBuilder();
        for (String title : titles.distinct().toList()) {
            String separator = role.isEmpty() ? "" : ", ";
            if (role.length() + separator.length() + title.length() > LENGTH) {
                break;
            }
            role.append(separator).append(title);
        }
        return role.isEmpty() ? null : role.toString();
    }
}
