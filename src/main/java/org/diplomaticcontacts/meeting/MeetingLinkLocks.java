package org.diplomaticcontacts.meeting;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Share-locks the officials and areas a meeting is about to link to, before anything of it is
 * written (V31's {@code lock_meeting_links}): a post change or a rename locks the official before
 * the documents of its meetings, and a write that locked a meeting's document before its
 * officials could deadlock with it. Also locks the meetings it is, or is about to be, related to
 * ({@link #lockRelatedMeetings}).
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

    /**
     * Locks, in id order, the meetings whose lists of related meetings a write changes: the
     * meeting itself (when it exists), those it will be related to and those it is related to now.
     * Both sides of a relation are stored, so each of them gets a new version. Read before this
     * lock, one of them changed by a concurrent write failed this write's version check with a
     * 412 its client could not have prevented; now this write waits and reads it as committed.
     * The ids are one array, so that they are found by the primary key (an OR with a subquery
     * read every meeting).
     */
    void lockRelatedMeetings(@Nullable Long meeting, List<Long> related) {
        jdbc.sql("""
                select id from meetings
                where id = any(cast(:related as bigint[]) || cast(:meeting as bigint)
                               || array(select related_meeting_id from meeting_relations
                                        where meeting_id = cast(:meeting as bigint)))
                order by id for no key update""")
                .param("related", related.toArray(Long[]::new))
                .param("meeting", meeting)
                .query()
                .listOfRows();
    }
}
