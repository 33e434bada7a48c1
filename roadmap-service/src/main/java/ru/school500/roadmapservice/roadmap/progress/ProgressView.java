package ru.school500.roadmapservice.roadmap.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored progress report; {@code version} is its ETag. */
public record ProgressView(UUID id, UUID roadmapId, UUID itemId, LocalDate stage, ProgressStatus status,
        String comment, List<UUID> evidence, String reportedBy, Instant reportedAt, long version) {
}
