package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Items active in each month, per roadmap: an item counts in every month one of its periods overlaps, once
 * however many of its periods do. A period with only an end (or only a start) covers that one month. Items with
 * no dated period (by plan, unparsed) are listed apart as undated.
 *
 * @param months every month from the earliest to the latest covered by any compared item; empty when none is dated
 */
public record Timeline(List<YearMonth> months, List<RoadmapMonths> roadmaps) {

    /** @param months one entry per {@link Timeline#months()}, in the same order */
    public record RoadmapMonths(String roadmapId, List<MonthCount> months, List<String> undated) {
    }

    public record MonthCount(YearMonth month, int count, List<String> itemNumbers) {
    }

    public static Timeline of(List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Map<String, List<ComparedItem>> byRoadmap = RoadmapItems.byRoadmap(roadmaps, items);
        Optional<YearMonth> first = byRoadmap.values().stream().flatMap(List::stream)
                .flatMap(item -> item.periods().stream()).map(RoadmapItems::firstDay).flatMap(Optional::stream)
                .map(YearMonth::from).min(YearMonth::compareTo);
        Optional<YearMonth> last = byRoadmap.values().stream().flatMap(List::stream)
                .flatMap(item -> item.periods().stream()).map(RoadmapItems::lastDay).flatMap(Optional::stream)
                .map(YearMonth::from).max(YearMonth::compareTo);
        List<YearMonth> months = new ArrayList<>();
        if (first.isPresent()) {
            for (YearMonth month = first.get(); !month.isAfter(last.orElseThrow()); month = month.plusMonths(1)) {
                months.add(month);
            }
        }
        List<RoadmapMonths> rows = new ArrayList<>();
        byRoadmap.forEach((roadmapId, list) -> {
            List<MonthCount> counts = months.stream().map(month -> {
                List<String> numbers = RoadmapItems.numbers(list.stream().filter(item -> active(item, month)).toList());
                return new MonthCount(month, numbers.size(), numbers);
            }).toList();
            List<String> undated = RoadmapItems.numbers(list.stream().filter(item -> !RoadmapItems.dated(item))
                    .toList());
            rows.add(new RoadmapMonths(roadmapId, counts, undated));
        });
        return new Timeline(List.copyOf(months), List.copyOf(rows));
    }

    static boolean active(ComparedItem item, YearMonth month) {
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atEndOfMonth();
        return item.periods().stream().anyMatch(period -> {
            Optional<LocalDate> start = RoadmapItems.firstDay(period);
            Optional<LocalDate> end = RoadmapItems.lastDay(period);
            return start.isPresent() && !start.get().isAfter(monthEnd) && !end.orElseThrow().isBefore(monthStart);
        });
    }
}
