package org.diplomaticcontacts.official;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.diplomaticcontacts.organization.Organization;
import org.jspecify.annotations.Nullable;

/**
 * A post an official held. Either end may be unknown; an unknown end counts as open, so a
 * post whose start the source did not give is taken to have been held on any earlier day too.
 */
@Embeddable
public class Position {

    private String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private @Nullable Organization organization;

    @Column(name = "organization_id", insertable = false, updatable = false)
    private @Nullable Long organizationId;

    private @Nullable LocalDate startDate;

    private @Nullable LocalDate endDate;

    protected Position() {
    }

    public Position(String title, @Nullable Organization organization, @Nullable LocalDate startDate,
            @Nullable LocalDate endDate) {
        this.title = title;
        this.organization = organization;
        this.organizationId = organization == null ? null : organization.id();
        this.startDate = startDate;
        this.endDate = endDate;
    }

    public String title() {
        return title;
    }

    public @Nullable Long organizationId() {
        return organizationId;
    }

    public @Nullable LocalDate startDate() {
        return startDate;
    }

    public @Nullable LocalDate endDate() {
        return endDate;
    }

    /** Whether the post may have been held on some day between {@code from} and {@code to}. */
    public boolean heldBetween(LocalDate from, LocalDate to) {
        return (startDate == null || !startDate.isAfter(to)) && (endDate == null || !endDate.isBefore(from));
    }
}
