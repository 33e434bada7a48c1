package ru.school500.roadmapservice.roadmap.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Items of a roadmap overdue on {@code date}: the last day of their parsed deadline is before it and no report
 * at a stage on or before it says DONE (or CANCELLED). Items without parsed periods (by plan, unparsed) are
 * never overdue: there is no date to pass.
 */
public record OverdueReport(UUID roadmapId, LocalDate date, List<OverdueItem> items) {

    /**
     * @param deadline   last day of the deadline
     * @param lastStage  latest reported stage on or before the date, {@code null} if never reported
     * @param lastStatus status reported at that stage
     */
    public record OverdueItem(UUID itemId, UUID sectionId, String number, String task, String deadlineText,
            LocalDate deadline, String executorsText, LocalDate lastStage, ProgressStatus lastStatus) {
    }
}
