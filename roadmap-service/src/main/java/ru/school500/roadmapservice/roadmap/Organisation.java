package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    private UUID id;
    private String region;
    private String fullName;
    private String shortName;
    @Enumerated(EnumType.STRING)
    private OrganisationType type;
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "organisation_alias", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias")
    private List<String> aliases = new ArrayList<>();

    protected Organisation() {
    }

    Organisation(String region, OrganisationDraft draft, Instant now) {
        this.id = UUID.randomUUID();
        this.region = region;
        this.fullName = draft.fullName().strip();
        this.shortName = draft.shortName();
        this.type = draft.type();
        this.createdAt = now;
        merge(draft);
    }

    /** Adds names not yet known; never removes one (other roadmaps may use it). */
    void merge(OrganisationDraft draft) {
        if (shortName == null && draft.shortName() != null) {
            shortName = draft.shortName();
        }
        for (String alias : draft.aliases()) {
            if (!answersTo(alias)) {
                aliases.add(alias.strip());
            }
        }
    }

    boolean answersTo(String name) {
        String wanted = normalise(name);
        return names().anyMatch(known -> normalise(known).equals(wanted));
    }

    private Stream<String> names() {
        return Stream.concat(Stream.of(fullName, shortName), aliases.stream()).filter(n -> n != null);
    }

    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    OrganisationView view() {
        return new OrganisationView(id, region, fullName, shortName, List.copyOf(aliases), type);
    }

    RoadmapView.ExecutorView executorView() {
        return new RoadmapView.ExecutorView(id, fullName, shortName, type);
    }

    UUID getId() {
        return id;
    }

    String getRegion() {
        return region;
    }

    String getFullName() {
        return fullName;
    }
}
