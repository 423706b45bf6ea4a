package org.diplomaticcontacts.meeting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Share-locks the officials and areas a meeting is about to link to, before anything of it is
 * written (V31's {@code lock_meeting_links}): a post change or a rename locks the official before
 * the documents of its meetings, and a write that locked a meeting's document before its
 * officials could deadlock with it.
 */
@Repository
class MeetingLinkLocks {

    private final JdbcClient jdbc;

    MeetingLinkLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(MeetingRequest request) {
        Long[] officials = request.participants().stream().map(MeetingRequest.ParticipantRequest::officialId)
                .toArray(Long[]::new);
        String[] areas = request.cooperationAreasOrEmpty().toArray(String[]::new);
        jdbc.sql("select lock_meeting_links(cast(:officials as bigint[]), cast(:areas as text[]))")
                .param("officials", officials)
                .param("areas", areas)
                .query()
                .listOfRows();
    }
}
