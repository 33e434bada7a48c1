package ru.school500.documentservice.practice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "practice")
class Practice {

    @Id
    private UUID id;
    private String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(300)[]")
    private List<String> authors = new ArrayList<>();
    private String school;
    private String region;
    private String municipality;
    private String direction;
    private int directionsVersion;
    @Enumerated(EnumType.STRING)
    private EducationLevel educationLevel;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(100)[]")
    private List<String> riskFactors = new ArrayList<>();
    private String description;
    private String results;
    @Enumerated(EnumType.STRING)
    private PracticeStatus status;
    private String expertConclusion;
    private Integer score;
    private String reviewer;
    private Instant submittedAt;
    private Instant publishedAt;
    private long revision;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    protected Practice() {
    }

    Practice(UUID id, String school, String region, String municipality, String author, Instant now) {
        this.id = id;
        this.school = school;
        this.region = region;
        this.municipality = municipality;
        this.status = PracticeStatus.DRAFT;
        this.createdBy = author;
        this.createdAt = now;
        this.updatedBy = author;
        this.updatedAt = now;
    }

    void describe(PracticeRequest request, int directionsVersion) {
        this.title = request.title();
        this.authors = new ArrayList<>(request.authors());
        this.direction = request.direction();
        this.directionsVersion = directionsVersion;
        this.educationLevel = request.educationLevel();
        this.riskFactors = new ArrayList<>(request.riskFactors() == null ? List.of() : request.riskFactors());
        this.description = request.description();
        this.results = request.results();
    }

    void moveTo(PracticeStatus next, String by, Instant now) {
        this.status = next;
        if (next == PracticeStatus.SUBMITTED) {
            submittedAt = now;
        }
        if (next == PracticeStatus.PUBLISHED) {
            publishedAt = now;
        }
        touch(by, now);
    }

    void review(String conclusion, Integer score, String reviewer) {
        if (conclusion != null) {
            this.expertConclusion = conclusion;
        }
        if (score != null) {
            this.score = score;
        }
        this.reviewer = reviewer;
    }

    void touch(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
        this.revision++;
    }

    PracticeRef ref() {
        return new PracticeRef(id, school, region, municipality, status);
    }

    UUID getId() { return id; }
    String getTitle() { return title; }
    List<String> getAuthors() { return List.copyOf(authors); }
    String getSchool() { return school; }
    String getRegion() { return region; }
    String getMunicipality() { return municipality; }
    String getDirection() { return direction; }
    int getDirectionsVersion() { return directionsVersion; }
    EducationLevel getEducationLevel() { return educationLevel; }
    List<String> getRiskFactors() { return List.copyOf(riskFactors); }
    String getDescription() { return description; }
    String getResults() { return results; }
    PracticeStatus getStatus() { return status; }
    String getExpertConclusion() { return expertConclusion; }
    Integer getScore() { return score; }
    String getReviewer() { return reviewer; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getPublishedAt() { return publishedAt; }
    long getRevision() { return revision; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
}
