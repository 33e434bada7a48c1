package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Items overdue on a date, per roadmap, by the rule of roadmap-service's OverdueReport: the last day of the
 * deadline (the latest end of its periods) is before the date and no report at a stage on or before the date
 * says DONE or CANCELLED. Items without dated periods are never overdue: there is no day to pass. For a roadmap
 * whose progress the caller may not see, reports are not consulted at all: every item past its deadline is listed,
 * without a last stage or status, and {@code progressConsidered} says so.
 */
public record Overdue(LocalDate date, List<RoadmapOverdue> roadmaps) {

    /**
     * @param dated              items with a dated deadline, the ones that could be overdue at all
     * @param progressConsidered {@code false}: the caller may not see this roadmap's progress, so the list is
     *                           by deadlines alone (items reported DONE or CANCELLED are in it too)
     */
    public record RoadmapOverdue(String roadmapId, int dated, boolean progressConsidered, List<OverdueItem> items) {
    }

    /**
     * @param deadline   last day of the deadline
     * @param executors  short names (full names when there is none), comma separated
     * @param lastStage  latest reported stage on or before the date, {@code null} if never reported
     * @param lastStatus status reported at that stage
     */
    public record OverdueItem(String itemId, String number, String task, String deadlineText, LocalDate deadline,
            String executors, LocalDate lastStage, String lastStatus) {
    }

    public static Overdue on(LocalDate date, List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Objects.requireNonNull(date, "date");
        List<RoadmapOverdue> result = new ArrayList<>();
        Map<String, Boolean> progressVisible = roadmaps.stream()
                .collect(Collectors.toMap(ComparedRoadmap::id, ComparedRoadmap::progressVisible, (a, b) -> a && b));
        RoadmapItems.byRoadmap(roadmaps, items).forEach((roadmapId, list) -> {
            boolean considered = progressVisible.getOrDefault(roadmapId, false);
            List<OverdueItem> overdue = new ArrayList<>();
            int dated = 0;
            for (ComparedItem item : list) {
                Optional<LocalDate> deadline = RoadmapItems.deadline(item);
                if (deadline.isEmpty()) {
                    continue;
                }
                dated++;
                if (!deadline.get().isBefore(date)) {
                    continue;
                }
                List<ComparedItem.Progress> upToDate = !considered ? List.of() : item.progress().stream()
                        .filter(report -> report.stage() != null && !report.stage().isAfter(date)).toList();
                if (upToDate.stream().anyMatch(report -> "DONE".equals(report.status())
                        || "CANCELLED".equals(report.status()))) {
                    continue;
                }
                Optional<ComparedItem.Progress> last = upToDate.stream()
                        .max(Comparator.comparing(ComparedItem.Progress::stage));
                overdue.add(new OverdueItem(item.id(), item.number(), item.task(), item.deadlineText(), deadline.get(),
                        executors(item), last.map(ComparedItem.Progress::stage).orElse(null),
                        last.map(ComparedItem.Progress::status).orElse(null)));
            }
            result.add(new RoadmapOverdue(roadmapId, dated, considered, List.copyOf(overdue)));
        });
        return new Overdue(date, List.copyOf(result));
    }

    public int count() {
        return roadmaps.stream().mapToInt(roadmap -> roadmap.items().size()).sum();
    }

    private static String executors(ComparedItem item) {
        return item.executors().stream().filter(Objects::nonNull)
                .map(executor -> executor.shortName() != null && !executor.shortName().isBlank()
                        ? executor.shortName() : executor.fullName())
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
    }
}
