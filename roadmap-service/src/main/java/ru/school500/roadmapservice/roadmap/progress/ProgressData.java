package ru.school500.roadmapservice.roadmap.progress;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of a progress report.
 *
 * @param status   the item's state at the stage
 * @param comment  free text
 * @param evidence ids of documents in document-service that prove it
 */
public record ProgressData(@NotNull ProgressStatus status, @Size(max = 10000) String comment,
        @Size(max = 100) List<@NotNull UUID> evidence) {

    public ProgressData {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
