package org.diplomaticcontacts.cooperation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface CooperationAreas extends Repository<CooperationArea, String> {

    @EntityGraph(attributePaths = "parent")
    List<CooperationArea> findAllByOrderByCode();

    @EntityGraph(attributePaths = "parent")
    Optional<CooperationArea> findByCode(String code);
}
