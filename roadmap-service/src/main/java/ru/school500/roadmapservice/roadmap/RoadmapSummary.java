package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code GET /api/roadmaps}. */
public record RoadmapSummary(UUID id, String region, String municipality, RoadmapLevel level, String title,
        Integer year, LocalDate periodStart, LocalDate periodEnd, RoadmapStatus status, int edition, long version,
        String approvingOrderNumber, LocalDate approvingOrderDate, Instant updatedAt) {
}
