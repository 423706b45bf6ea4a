package org.diplomaticcontacts.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.diplomaticcontacts.cooperation.CooperationArea;
import org.diplomaticcontacts.country.Country;
import org.diplomaticcontacts.shared.DateRange;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/** One diplomatic contact: who met whom, when, where, about what, with what result, and who says so. */
@Entity
@Table(name = "meetings")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private MeetingKind kind;

    private String title;

    private @Nullable String summary;

    @Embedded
    private MeetingDate date;

    private @Nullable String locationCity;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_country", columnDefinition = "bpchar(2)")
    private @Nullable Country locationCountry;

    @ElementCollection
    @CollectionTable(name = "meeting_participants", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "list_index")
    private List<Participant> participants = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "meeting_cooperation_areas", joinColumns = @JoinColumn(name = "meeting_id"),
            inverseJoinColumns = @JoinColumn(name = "area_code"))
    private Set<CooperationArea> cooperationAreas = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_outcomes", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "list_index")
    private List<Outcome> outcomes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_sources", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "list_index")
    private List<Source> sources = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "meeting_relations", joinColumns = @JoinColumn(name = "meeting_id"),
            inverseJoinColumns = @JoinColumn(name = "related_meeting_id"))
    private Set<Meeting> relatedMeetings = new HashSet<>();

    private @Nullable String externalId;

    @Version
    private long version;

    @CreationTimestamp
    @Column(updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Meeting() {
    }

    public Meeting(MeetingKind kind, String title, DateRange date) {
        describe(kind, title, null, date, null, null);
    }

    void describe(MeetingKind kind, String title, @Nullable String summary, DateRange date,
            @Nullable String locationCity, @Nullable Country locationCountry) {
        this.kind = kind;
        this.title = title;
        this.summary = summary;
        this.date = new MeetingDate(date);
        this.locationCity = locationCity;
        this.locationCountry = locationCountry;
    }

    DateRange date() {
        return date.range();
    }

    void replaceParticipants(List<Participant> newParticipants) {
        participants.clear();
        participants.addAll(newParticipants);
    }

    void replaceCooperationAreas(Collection<CooperationArea> areas) {
        cooperationAreas.clear();
        cooperationAreas.addAll(areas);
    }

    void replaceOutcomes(List<Outcome> newOutcomes) {
        outcomes.clear();
        outcomes.addAll(newOutcomes);
    }

    void replaceSources(List<Source> newSources) {
        sources.clear();
        sources.addAll(newSources);
    }

    /** Relations are symmetric: both meetings list each other. */
    void replaceRelatedMeetings(Collection<Meeting> related) {
        for (Meeting old : Set.copyOf(relatedMeetings)) {
            old.relatedMeetings.remove(this);
        }
        relatedMeetings.clear();
        for (Meeting other : related) {
            relatedMeetings.add(other);
            other.relatedMeetings.add(this);
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }
}
