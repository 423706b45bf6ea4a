package org.diplomaticcontacts.cooperation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CooperationAreas extends Repository<CooperationArea, String> {

    @EntityGraph(attributePaths = "parent")
    List<CooperationArea> findAllByOrderByCode();

    @EntityGraph(attributePaths = "parent")
    Optional<CooperationArea> findByCode(String code);

    boolean existsByCode(String code);

    CooperationArea save(CooperationArea area);

    CooperationArea saveAndFlush(CooperationArea area);

    void delete(CooperationArea area);

    @Query(nativeQuery = true, value = """
            select exists (select 1 from meeting_cooperation_areas where area_code = :code)
                or exists (select 1 from cooperation_areas where parent_code = :code)""")
    boolean isReferenced(String code);
}
