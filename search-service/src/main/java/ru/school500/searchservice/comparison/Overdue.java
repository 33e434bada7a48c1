package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Items overdue on a date, per roadmap, by the rule of roadmap-service's OverdueReport: the last day of the
 * deadline (the latest end of its periods) is before the date and no report at a stage on or before the date
 * says DONE or CANCELLED. Items without dated periods are never overdue: there is no day to pass. For a roadmap
 * whose progress the caller may not see, reports are not consulted at all: every item past its deadline is listed,
 * without a last stage or status, and {@code progressConsidered} says so.
 */
public record Overdue(LocalDate date, Basis basis, String explanation, List<RoadmapOverdue> roadmaps) {

    /** Which day each roadmap was checked on. */
    public enum Basis {
        /** the caller's {@code date}, the same for every roadmap */
        REQUESTED,
        /** each roadmap on the end of its own period, or today while that period runs */
        ROADMAP_PERIOD_END
    }

    /**
     * @param date               the day this roadmap was checked on
     * @param periodEnd          the end of the roadmap's own period: 31 December of its year, or its latest
     *                           deadline when that is later; {@code null} for a roadmap without year or dates
     * @param dated              items with a dated deadline, the ones that could be overdue at all
     * @param progressConsidered {@code false}: the caller may not see this roadmap's progress, so the list is
     *                           by deadlines alone (items reported DONE or CANCELLED are in it too)
     */
    public record RoadmapOverdue(String roadmapId, LocalDate date, LocalDate periodEnd, int dated,
            boolean progressConsidered, List<OverdueItem> items) {
    }

    /**
     * @param deadline   last day of the deadline
     * @param executors  short names (full names when there is none), comma separated
     * @param lastStage  latest reported stage on or before the date, {@code null} if never reported
     * @param lastStatus status reported at that stage
     */
    public record OverdueItem(String itemId, String number, @JsonInclude(JsonInclude.Include.NON_NULL) String task,
            @JsonInclude(JsonInclude.Include.NON_NULL) String deadlineText, LocalDate deadline,
            @JsonInclude(JsonInclude.Include.NON_NULL) String executors, LocalDate lastStage, String lastStatus) {
    }

    /** Every roadmap checked on the same requested date. */
    public static Overdue on(LocalDate date, List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Objects.requireNonNull(date, "date");
        return compute(Basis.REQUESTED, roadmap -> date, roadmaps, items);
    }

    /**
     * Every roadmap checked on the end of its own period ({@link #periodEnd}), so that a finished 2021 roadmap is
     * judged on 31 December 2021 rather than years later; a roadmap whose period has not ended yet is checked
     * on {@code today}, and one without year or dates as well.
     */
    public static Overdue atPeriodEnd(LocalDate today, List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Objects.requireNonNull(today, "today");
        Map<String, List<ComparedItem>> byRoadmap = RoadmapItems.byRoadmap(roadmaps, items);
        Map<String, LocalDate> ends = new java.util.HashMap<>();
        roadmaps.forEach(roadmap -> periodEnd(roadmap, byRoadmap.getOrDefault(roadmap.id(), List.of()))
                .ifPresent(end -> ends.put(roadmap.id(), end)));
        return compute(Basis.ROADMAP_PERIOD_END, roadmapId -> {
            LocalDate end = ends.get(roadmapId);
            return end == null || end.isAfter(today) ? today : end;
        }, roadmaps, items);
    }

    /** Both: the requested date when there is one, otherwise each roadmap's period end. */
    public static Overdue of(LocalDate requested, LocalDate today, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items) {
        return requested != null ? on(requested, roadmaps, items) : atPeriodEnd(today, roadmaps, items);
    }

    /** 31 December of the roadmap's year, or its latest deadline when that is later; empty without either. */
    static Optional<LocalDate> periodEnd(ComparedRoadmap roadmap, List<ComparedItem> items) {
        Optional<LocalDate> latest = items.stream().map(RoadmapItems::deadline).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        Optional<LocalDate> yearEnd = Optional.ofNullable(roadmap.year()).map(year -> LocalDate.of(year, 12, 31));
        return java.util.stream.Stream.of(latest, yearEnd).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private static Overdue compute(Basis basis, java.util.function.Function<String, LocalDate> dateOf,
            List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        List<RoadmapOverdue> result = new ArrayList<>();
        Map<String, Boolean> progressVisible = roadmaps.stream()
                .collect(Collectors.toMap(ComparedRoadmap::id, ComparedRoadmap::progressVisible, (a, b) -> a && b));
        Map<String, ComparedRoadmap> byId = new java.util.HashMap<>();
        roadmaps.forEach(roadmap -> byId.putIfAbsent(roadmap.id(), roadmap));
        RoadmapItems.byRoadmap(roadmaps, items).forEach((roadmapId, list) -> {
            LocalDate date = dateOf.apply(roadmapId);
            LocalDate periodEnd = periodEnd(byId.get(roadmapId), list).orElse(null);
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
            result.add(new RoadmapOverdue(roadmapId, date, periodEnd, dated, considered, List.copyOf(overdue)));
        });
        LocalDate shown = result.stream().map(RoadmapOverdue::date).max(Comparator.naturalOrder())
                .orElseGet(() -> dateOf.apply(null));
        return new Overdue(shown, basis, explanation(basis, shown, result), List.copyOf(result));
    }

    private static String explanation(Basis basis, LocalDate shown, List<RoadmapOverdue> roadmaps) {
        if (basis == Basis.REQUESTED) {
            return "Просрочены мероприятия, срок которых истёк до " + RUSSIAN_DAY.format(shown)
                    + ", а выполнение или отмена к этой дате не отмечены.";
        }
        return "Каждая дорожная карта проверена на конец своего периода (31 декабря её года или последний срок её "
                + "мероприятий, если он позже), а если период ещё не закончился — на сегодня: "
                + roadmaps.stream().map(roadmap -> RUSSIAN_DAY.format(roadmap.date())).distinct()
                        .collect(Collectors.joining(", "))
                + ". Просрочены мероприятия, срок которых истёк до этой даты, а выполнение или отмена к ней не "
                + "отмечены.";
    }

    private static final java.time.format.DateTimeFormatter RUSSIAN_DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The same items without their texts (task, deadline as written, executors), which the drill-down gives. */
    public Overdue withoutTexts() {
        return new Overdue(date, basis, explanation, roadmaps.stream().map(roadmap -> new RoadmapOverdue(
                roadmap.roadmapId(), roadmap.date(), roadmap.periodEnd(), roadmap.dated(), roadmap.progressConsidered(),
                roadmap.items().stream().map(item -> new OverdueItem(item.itemId(), item.number(), null,
                        null, item.deadline(), null, item.lastStage(), item.lastStatus())).toList()))
                .toList());
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
