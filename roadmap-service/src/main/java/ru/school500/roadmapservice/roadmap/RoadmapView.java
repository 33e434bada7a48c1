package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A whole roadmap with its sections and items in order: the body of {@code GET /api/roadmaps/{id}} and the
 * {@code payload} of its {@code ROADMAP} change in the feed.
 *
 * @param version optimistic-lock version, also the {@code ETag} and the feed's {@code version}
 * @param edition 1 for the first approved roadmap of a line, +1 for each new version drafted from it
 */
public record RoadmapView(
        UUID id,
        String region,
        String municipality,
        RoadmapLevel level,
        String title,
        Integer year,
        LocalDate periodStart,
        LocalDate periodEnd,
        RoadmapStatus status,
        int edition,
        UUID previousId,
        UUID supersededById,
        long version,
        OrderReference approvingOrder,
        List<OrderReference> repealedOrders,
        List<String> columnHeadings,
        List<SectionView> sections,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        String approvedBy,
        Instant approvedAt) {

    /** A section row and its items, in order. */
    public record SectionView(UUID id, String number, String title, int position, List<ItemView> items) {
    }

    /**
     * An item row.
     *
     * @param executors the resolved organisations, in the order of {@code executorsText}
     * @param progress  reported status per monitoring stage, oldest stage first; absent for a caller who may not
     *                  see progress (the rule of {@code GET /api/roadmaps/{id}/progress})
     */
    public record ItemView(
            UUID id,
            UUID sectionId,
            String number,
            String task,
            Deadline deadline,
            String executorsText,
            List<ExecutorView> executors,
            String indicatorText,
            java.math.BigDecimal indicatorQuantity,
            String indicatorUnit,
            String informationText,
            List<String> links,
            String notes,
            int position,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ProgressMark> progress) {
    }

    /** A resolved executor. */
    public record ExecutorView(UUID id, String fullName, String shortName, OrganisationType type) {
    }

    /** Latest reported status of an item at one monitoring stage (status as in the progress API). */
    public record ProgressMark(LocalDate stage, String status) {
    }
}
