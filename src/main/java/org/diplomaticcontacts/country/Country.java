package org.diplomaticcontacts.country;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ISO 3166-1 country. The list ships with the schema and is read-only through the API. */
@Entity
@Table(name = "countries")
public class Country {

    @Id
    @Column(columnDefinition = "bpchar(2)")
    private String code;

    @Column(columnDefinition = "bpchar(3)")
    private String alpha3;

    private String name;

    protected Country() {
    }

    public String code() {
        return code;
    }

    public String alpha3() {
        return alpha3;
    }

    public String name() {
        return name;
    }
}
