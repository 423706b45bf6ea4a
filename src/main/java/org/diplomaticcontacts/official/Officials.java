package org.diplomaticcontacts.official;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Officials extends Repository<Official, Long> {

    @EntityGraph(attributePaths = {"aliases", "positions"})
    Optional<Official> findById(Long id);

    Official save(Official official);

    Official saveAndFlush(Official official);

    void delete(Official official);

    @Query(nativeQuery = true, value = "select exists (select 1 from meeting_participants where official_id = :id)")
    boolean takesPartInMeetings(long id);
}
