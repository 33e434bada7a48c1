package ru.school500.roadmapservice.roadmap.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import jakarta.persistence.Version;

/** What was reported about one item at one monitoring stage (этап мониторинга); one per item and stage. */
@Entity
@Table(name = "progress_report")
class ProgressReport {

    @Id
    private UUID id;
    private UUID roadmapId;
    private UUID itemId;
    private LocalDate stage;
    @Enumerated(EnumType.STRING)
    private ProgressStatus status;
    private String comment;
    @ElementCollection
    @CollectionTable(name = "progress_evidence", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    @Column(name = "document_id")
    private List<UUID> evidence = new ArrayList<>();
    private String reportedBy;
    private Instant reportedAt;
    @Version
    private long version;

    protected ProgressReport() {
    }

    ProgressReport(UUID roadmapId, UUID itemId, LocalDate stage) {
        this.id = UUID.randomUUID();
        this.roadmapId = roadmapId;
        this.itemId = itemId;
        this.stage = stage;
    }

    void apply(ProgressData data, String user, Instant now) {
        status = data.status();
        comment = data.comment();
        evidence.clear();
        evidence.addAll(data.evidence());
        reportedBy = user;
        reportedAt = now;
    }

    ProgressView view() {
        return new ProgressView(id, roadmapId, itemId, stage, status, comment, List.copyOf(evidence), reportedBy,
                reportedAt, version);
    }

    UUID getItemId() {
        return itemId;
    }

    LocalDate getStage() {
        return stage;
    }

    ProgressStatus getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }
}
