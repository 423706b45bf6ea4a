package org.diplomaticcontacts.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Turns a client's search words into the forms the SQL queries take. The queries fold both
 * sides with the database's {@code fold()} so that case and accents never matter.
 */
public final class SearchWords {

    public static final int MAX_LENGTH = 200;

    /** More words than this narrow nothing further and only make the query slower. */
    public static final int MAX_WORDS = 10;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /**
     * The words of {@code q} for the database's {@code search_query(text)}: letters and digits
     * only (in any script), separated by single spaces, so that nothing a client types can be
     * read as full-text query syntax. Null when {@code q} is blank (no filtering then); a
     * {@code q} of punctuation only is refused.
     */
    public static @Nullable String fullText(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw new InvalidFieldException("q", "at most " + MAX_LENGTH + " characters");
        }
        // NFC first: a decomposed "É" (E + combining accent) must stay one word.
        String words = Arrays.stream(NOT_A_WORD.split(Normalizer.normalize(q, Normalizer.Form.NFC)))
                .filter(word -> !word.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .collect(Collectors.joining(" "));
        if (words.isEmpty()) {
            // "%" or "--" would otherwise silently match everything
            throw new InvalidFieldException("q", "must contain at least one letter or digit");
        }
        return words;
    }

    /**
     * The words of {@code q} for the database's {@code like_patterns(text)}, which folds them and
     * makes each a LIKE pattern ({@code %word%}, LIKE's own characters escaped); null when {@code q}
     * holds no words (no filtering then).
     */
    public static @Nullable String likeWords(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw new InvalidFieldException("q", "at most " + MAX_LENGTH + " characters");
        }
        return q.strip();
    }
}
