package org.diplomaticcontacts.organization;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Organizations extends Repository<Organization, Long> {

    Optional<Organization> findById(Long id);

    Organization save(Organization organization);

    Organization saveAndFlush(Organization organization);

    void delete(Organization organization);

    @Query(nativeQuery = true, value = """
            select exists (select 1 from positions where organization_id = :id)
                or exists (select 1 from organizations where parent_id = :id)""")
    boolean isReferenced(long id);

    /** Every word of {@code words} (see {@code SearchWords}) must occur in the name or acronym. */
    @Query(nativeQuery = true, value = """
            select * from organizations o
            where (cast(:country as text) is null or o.country_code = :country)
              and (cast(:words as text) is null
                   or fold(o.name || ' ' || coalesce(o.acronym, '')) like all (like_patterns(:words)))
            order by o.name
            """)
    List<Organization> search(@Nullable String country, @Nullable String words);
}
