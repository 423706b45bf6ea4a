package org.diplomaticcontacts.meeting;

/**
 * The rule that ties a meeting to a country, shared by {@code GET /meetings?country=&counterpart=}
 * and the relations summary so that both always count the same meetings: a participant
 * represents the country, or the meeting is a {@code VISIT} that took place in it.
 * <p>
 * PostgreSQL applies the rule as it keeps {@code meeting_country_pairs} (migration V23): every
 * ordered pair of the countries a meeting involves, each country with itself included, with
 * the meeting's days. Both features read the pairs, never the rule's tables directly.
 */
public final class CountryInvolvement {

    private CountryInvolvement() {
    }

    /**
     * A query of the meetings ({@code meeting_id}, {@code date_start}, {@code date_end}) that
     * involve both countries, for codes bound to {@code :parameter} and {@code :otherParameter}:
     * one range of an index, however many meetings there are in all.
     */
    public static String meetingsInvolvingBoth(String parameter, String otherParameter) {
        return """
                select meeting_id, date_start, date_end from meeting_country_pairs
                where country_code = :%s and counterpart_code = :%s""".formatted(parameter, otherParameter);
    }
}
