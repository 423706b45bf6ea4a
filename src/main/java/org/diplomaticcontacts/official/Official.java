package org.diplomaticcontacts.official;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.shared.ParticipantRole;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/** A person who takes part in diplomatic contacts, with the spellings and posts they are known by. */
@Entity
@Table(name = "officials")
public class Official {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String fullName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code", columnDefinition = "bpchar(2)")
    private @Nullable Country country;

    @Column(name = "country_code", columnDefinition = "bpchar(2)", insertable = false, updatable = false)
    private @Nullable String countryCode;

    @ElementCollection
    @CollectionTable(name = "official_aliases", joinColumns = @JoinColumn(name = "official_id"))
    @Column(name = "alias")
    private Set<String> aliases = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "positions", joinColumns = @JoinColumn(name = "official_id"))
    @OrderColumn(name = "list_index")
    private List<Position> positions = new ArrayList<>();

    private @Nullable String externalId;

    @Version
    private long version;

    @CreationTimestamp
    @Column(updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Official() {
    }

    public Official(String fullName, @Nullable Country country) {
        rename(fullName);
        moveTo(country);
    }

    void rename(String fullName) {
        this.fullName = fullName;
    }

    void moveTo(@Nullable Country country) {
        this.country = country;
        this.countryCode = country == null ? null : country.code();
    }

    /** Other spellings; the official's own name is not kept as an alias of itself. */
    void replaceAliases(List<String> newAliases) {
        aliases.clear();
        newAliases.stream().map(String::strip).filter(alias -> !alias.equals(fullName)).forEach(aliases::add);
    }

    void replacePositions(List<Position> newPositions) {
        positions.clear();
        positions.addAll(newPositions);
    }

    public Long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public @Nullable String countryCode() {
        return countryCode;
    }

    public Set<String> aliases() {
        return Set.copyOf(aliases);
    }

    public List<Position> positions() {
        return List.copyOf(positions);
    }

    public long version() {
        return version;
    }

    /**
     * The titles of the posts this official may have held during the given days, as a role
     * ({@link ParticipantRole#of}), or null when none is known: the role a participant had at a
     * meeting when the source does not spell it out.
     */
    public @Nullable String titlesHeldBetween(LocalDate from, LocalDate to) {
        return ParticipantRole.of(positions.stream().filter(position -> position.heldBetween(from, to))
                .map(Position::title));
    }
}
