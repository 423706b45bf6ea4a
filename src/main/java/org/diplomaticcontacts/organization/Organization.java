package org.diplomaticcontacts.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.diplomaticcontacts.country.Country;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/** A parliament, ministry, agency or international body; international ones have no country. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private @Nullable String acronym;

    @Enumerated(EnumType.STRING)
    private OrganizationKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code", columnDefinition = "bpchar(2)")
    private @Nullable Country country;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable Organization parent;

    // The keys again, read-only: responses need them, and reading a lazy proxy's key through
    // an accessor would load the whole row, once per row of a list.
    @Column(name = "country_code", columnDefinition = "bpchar(2)", insertable = false, updatable = false)
    private @Nullable String countryCode;

    @Column(name = "parent_id", insertable = false, updatable = false)
    private @Nullable Long parentId;

    private @Nullable String externalId;

    @Version
    private long version;

    @CreationTimestamp
    @Column(updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Organization() {
    }

    public Organization(String name, @Nullable String acronym, OrganizationKind kind, @Nullable Country country,
            @Nullable Organization parent) {
        describe(name, acronym, kind, country, parent);
    }

    /** Sets everything an admin may change; the parent must not be this organization or below it. */
    void describe(String name, @Nullable String acronym, OrganizationKind kind, @Nullable Country country,
            @Nullable Organization parent) {
        this.name = name;
        this.acronym = acronym;
        this.kind = kind;
        this.country = country;
        this.countryCode = country == null ? null : country.code();
        this.parent = parent;
        this.parentId = parent == null ? null : parent.id();
    }

    /** Whether {@code other} is this organization or one of its ancestors' descendants below it. */
    boolean isAncestorOf(Organization other) {
        for (Organization current = other; current != null; current = current.parent()) {
            if (current == this || (id != null && id.equals(current.id()))) {
                return true;
            }
        }
        return false;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public @Nullable String acronym() {
        return acronym;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public @Nullable Country country() {
        return country;
    }

    public @Nullable Organization parent() {
        return parent;
    }

    public @Nullable String countryCode() {
        return countryCode;
    }

    public @Nullable Long parentId() {
        return parentId;
    }

    public long version() {
        return version;
    }
}
