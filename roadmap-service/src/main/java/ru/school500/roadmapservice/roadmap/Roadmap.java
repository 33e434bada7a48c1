package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "roadmap")
class Roadmap {

    @Id
    private UUID id;
    private String region;
    private String level;
    private String title;
    private Integer year;
    @Enumerated(EnumType.STRING)
    private RoadmapStatus status;
    @Version
    private long version;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    protected Roadmap() {
    }

    UUID getId() {
        return id;
    }

    String getRegion() {
        return region;
    }

    String getLevel() {
        return level;
    }

    String getTitle() {
        return title;
    }

    Integer getYear() {
        return year;
    }

    RoadmapStatus getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }
}
