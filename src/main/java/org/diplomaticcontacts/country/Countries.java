package org.diplomaticcontacts.country;

import java.util.List;

import org.springframework.data.repository.Repository;

interface Countries extends Repository<Country, String> {

    List<Country> findAllByOrderByName();
}
