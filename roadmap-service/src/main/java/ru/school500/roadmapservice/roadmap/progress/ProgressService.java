package ru.school500.roadmapservice.roadmap.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import ru.school500.roadmapservice.roadmap.RoadmapService;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.roadmap.RoadmapView.ProgressMark;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.web.Problems;

/**
 * Progress reports per item and monitoring stage, and overdue items on a date. Access and the roadmap's
 * version/outbox go through {@link RoadmapService}: a report is a change of the roadmap (its payload carries the
 * statuses), so it is published to the change feed in the same transaction.
 */
@Service
@Validated
public class ProgressService {

    private final RoadmapService roadmaps;
    private final ProgressRepository reports;
    private final EntityManager entityManager;

    ProgressService(RoadmapService roadmaps, ProgressRepository reports, EntityManager entityManager) {
        this.roadmaps = roadmaps;
        this.reports = reports;
        this.entityManager = entityManager;
    }

    /** Result of {@link #report}: the stored report and whether it was created by this call. */
    public record Reported(ProgressView report, boolean created) {
    }

    /**
     * Creates the report of an item at a stage, or replaces it. Replacing needs the report's version
     * ({@code If-Match}): 428 without it, 412 when stale; creating takes none (412 if one is given).
     */
    @Transactional
    public Reported report(UUID roadmapId, UUID itemId, LocalDate stage, Long expectedVersion,
            @Valid ProgressData data, CurrentUser user) {
        Problems.requireStorable("stage", stage);
        roadmaps.lockForProgress(roadmapId, itemId, user);
        Optional<ProgressReport> existing = reports.findByItemIdAndStage(itemId, stage);
        ProgressReport report;
        if (existing.isPresent()) {
            report = existing.get();
            if (expectedVersion == null) {
                throw Problems.ifMatchRequired();
            }
            if (expectedVersion != report.getVersion()) {
                throw Problems.stale(report.getVersion());
            }
        } else {
            if (expectedVersion != null) {
                throw Problems.stale(-1);
            }
            report = new ProgressReport(roadmapId, itemId, stage);
        }
        report.apply(data, user.username() != null ? user.username() : user.subject(), Instant.now());
        if (existing.isEmpty()) {
            entityManager.persist(report);
        }
        entityManager.flush();
        roadmaps.progressChanged(roadmapId, user);
        return new Reported(report.view(), existing.isEmpty());
    }

    /** Reports of a roadmap, optionally of one stage, by stage then item. */
    @Transactional(readOnly = true)
    public List<ProgressView> list(UUID roadmapId, LocalDate stage, CurrentUser user) {
        roadmaps.forMonitoring(roadmapId, user);
        return reports.findByRoadmapIdOrderByStageAscItemIdAsc(roadmapId).stream()
                .filter(report -> stage == null || report.getStage().equals(stage))
                .map(ProgressReport::view).toList();
    }

    @Transactional(readOnly = true)
    public OverdueReport overdue(UUID roadmapId, LocalDate date, CurrentUser user) {
        RoadmapView roadmap = roadmaps.forMonitoring(roadmapId, user);
        List<OverdueReport.OverdueItem> overdue = new ArrayList<>();
        for (RoadmapView.SectionView section : roadmap.sections()) {
            for (RoadmapView.ItemView item : section.items()) {
                Optional<LocalDate> deadline = item.deadline().lastDay();
                if (deadline.isEmpty() || !deadline.get().isBefore(date)) {
                    continue;
                }
                List<ProgressMark> upToDate = item.progress().stream().filter(m -> !m.stage().isAfter(date)).toList();
                boolean closed = upToDate.stream().anyMatch(m -> m.status().equals(ProgressStatus.DONE.name())
                        || m.status().equals(ProgressStatus.CANCELLED.name()));
                if (closed) {
                    continue;
                }
                Optional<ProgressMark> last = upToDate.stream().max(Comparator.comparing(ProgressMark::stage));
                overdue.add(new OverdueReport.OverdueItem(item.id(), section.id(), item.number(), item.task(),
                        item.deadline().text(), deadline.get(), item.executorsText(),
                        last.map(ProgressMark::stage).orElse(null),
                        last.map(m -> ProgressStatus.valueOf(m.status())).orElse(null)));
            }
        }
        return new OverdueReport(roadmapId, date, overdue);
    }
}
