package org.diplomaticcontacts.meeting;

/**
 * The rule that ties a meeting to a country, shared by {@code GET /meetings?country=&counterpart=}
 * and the relations summary so that both always count the same meetings: a participant
 * represents the country, or the meeting is a {@code VISIT} that took place in it.
 */
public final class CountryInvolvement {

    private CountryInvolvement() {
    }

    /** A condition on the meeting aliased {@code m}, for the country code bound to {@code :parameter}. */
    public static String condition(String parameter) {
        return """
                (exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.country_code = :%1$s)
                 or (m.kind = 'VISIT' and m.location_country = :%1$s))""".formatted(parameter);
    }

    /**
     * A query of the ids of the meetings that involve both countries, for codes bound to
     * {@code :parameter} and {@code :otherParameter}. Built from the per-country indexes, so it
     * reads only the two countries' meetings, however many meetings there are in all.
     */
    public static String meetingIdsInvolvingBoth(String parameter, String otherParameter) {
        return "(" + meetingIdsInvolving(parameter) + ") intersect (" + meetingIdsInvolving(otherParameter) + ")";
    }

    private static String meetingIdsInvolving(String parameter) {
        return """
                select p.meeting_id from meeting_participants p where p.country_code = :%1$s
                union
                select v.id from meetings v where v.kind = 'VISIT' and v.location_country = :%1$s""".formatted(parameter);
    }
}
