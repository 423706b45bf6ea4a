package org.diplomaticcontacts.meeting;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Meetings extends Repository<Meeting, Long> {

    Optional<Meeting> findById(Long id);

    Meeting save(Meeting meeting);

    Meeting saveAndFlush(Meeting meeting);

    void delete(Meeting meeting);

    void flush();
}
