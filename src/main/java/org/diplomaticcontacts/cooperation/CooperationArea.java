package org.diplomaticcontacts.cooperation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/** A field of cooperation (`space-industry`), optionally under a broader one (`telemedicine` under `health`). */
@Entity
@Table(name = "cooperation_areas")
public class CooperationArea {

    @Id
    private String code;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_code")
    private @Nullable CooperationArea parent;

    @Version
    private long version;

    protected CooperationArea() {
    }

    public CooperationArea(String code, String name, @Nullable CooperationArea parent) {
        this.code = code;
        this.name = name;
        this.parent = parent;
    }

    void describe(String name, @Nullable CooperationArea parent) {
        this.name = name;
        this.parent = parent;
    }

    /** Whether {@code other} is this area or lies below it. */
    boolean contains(CooperationArea other) {
        for (CooperationArea current = other; current != null; current = current.parent()) {
            if (current.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public @Nullable CooperationArea parent() {
        return parent;
    }

    public long version() {
        return version;
    }
}
