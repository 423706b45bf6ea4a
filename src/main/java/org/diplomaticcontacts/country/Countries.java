package org.diplomaticcontacts.country;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface Countries extends Repository<Country, String> {

    List<Country> findAllByOrderByName();

    @Query("select c from Country c where c.code = upper(:code) or c.alpha3 = upper(:code)")
    Optional<Country> findByAnyCode(String code);
}
