package org.diplomaticcontacts.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Turns a client's {@code q} into the form the SQL queries take: one LIKE pattern per word
 * ({@code %word%}, with LIKE's own wildcards escaped), separated by spaces. The queries fold
 * both sides with the database's {@code fold()} so that case and accents never matter.
 */
public final class SearchWords {

    public static final int MAX_LENGTH = 200;

    private SearchWords() {
    }

    /** The patterns, or null when {@code q} holds no words (no filtering then). */
    public static @Nullable String likePatterns(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw new InvalidFieldException("q", "at most " + MAX_LENGTH + " characters");
        }
        return Arrays.stream(q.strip().split("\\s+"))
                .map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .collect(Collectors.joining(" "));
    }
}
