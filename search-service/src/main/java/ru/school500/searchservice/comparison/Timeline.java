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
 * @param months      every month from the earliest to the latest covered by any compared item; empty when none is
 *                    dated
 * @param roadmapYear the same counts in months from the start of each roadmap's own year, so that roadmaps of
 *                    different years line up (January of a 2021 roadmap and of a 2022 roadmap are both month 1)
 */
public record Timeline(List<YearMonth> months, List<RoadmapMonths> roadmaps, RoadmapYear roadmapYear) {

    /** A timeline built before the roadmap-year view existed: that view is computed from the same items. */
    public Timeline(List<YearMonth> months, List<RoadmapMonths> roadmaps) {
        this(months, roadmaps, new RoadmapYear(List.of(), List.of()));
    }

    /**
     * Months counted from January of each roadmap's year: 1 is January, 12 December, 0 the December before,
     * 13 the January after. A roadmap without a year counts from the year of its earliest dated item.
     *
     * @param months   every relative month from the earliest to the latest any roadmap covers
     * @param roadmaps one row per roadmap, each with an entry per {@code months}
     */
    public record RoadmapYear(List<Integer> months, List<RoadmapRelativeMonths> roadmaps) {
    }

    /** @param year the roadmap's year, month 1 is its January; {@code null} when it has neither year nor dates */
    public record RoadmapRelativeMonths(String roadmapId, Integer year, List<RelativeMonthCount> months) {
    }

    /** @param calendarMonth the calendar month this relative month is for this roadmap */
    public record RelativeMonthCount(int month, YearMonth calendarMonth, int count, List<String> itemNumbers) {
    }

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
            List<List<String>> active = months.isEmpty() ? List.of() : activeNumbers(list, months.getFirst(), months.size());
            List<MonthCount> counts = new ArrayList<>(months.size());
            for (int m = 0; m < months.size(); m++) {
                counts.add(new MonthCount(months.get(m), active.get(m).size(), active.get(m)));
            }
            List<String> undated = RoadmapItems.numbers(list.stream().filter(item -> !RoadmapItems.dated(item))
                    .toList());
            rows.add(new RoadmapMonths(roadmapId, counts, undated));
        });
        return new Timeline(List.copyOf(months), List.copyOf(rows), roadmapYear(roadmaps, byRoadmap));
    }

    private static RoadmapYear roadmapYear(List<ComparedRoadmap> roadmaps, Map<String, List<ComparedItem>> byRoadmap) {
        Map<String, Integer> years = new java.util.LinkedHashMap<>();
        Integer first = null;
        Integer last = null;
        for (ComparedRoadmap roadmap : roadmaps) {
            List<ComparedItem> list = byRoadmap.getOrDefault(roadmap.id(), List.of());
            Optional<YearMonth> from = list.stream().flatMap(item -> item.periods().stream())
                    .map(RoadmapItems::firstDay).flatMap(Optional::stream).map(YearMonth::from).min(YearMonth::compareTo);
            Optional<YearMonth> to = list.stream().flatMap(item -> item.periods().stream())
                    .map(RoadmapItems::lastDay).flatMap(Optional::stream).map(YearMonth::from).max(YearMonth::compareTo);
            Integer year = roadmap.year() != null ? roadmap.year() : from.map(YearMonth::getYear).orElse(null);
            years.putIfAbsent(roadmap.id(), year);
            if (year == null || from.isEmpty()) {
                continue;
            }
            int start = relative(year, from.get());
            int end = relative(year, to.orElseThrow());
            first = first == null ? start : Math.min(first, start);
            last = last == null ? end : Math.max(last, end);
        }
        List<Integer> months = new ArrayList<>();
        for (int month = first == null ? 1 : first; first != null && month <= last; month++) {
            months.add(month);
        }
        List<RoadmapRelativeMonths> rows = new ArrayList<>();
        years.forEach((roadmapId, year) -> {
            List<ComparedItem> list = byRoadmap.getOrDefault(roadmapId, List.of());
            List<RelativeMonthCount> counts = new ArrayList<>();
            if (year != null && !months.isEmpty()) {
                YearMonth from = YearMonth.of(year, 1).plusMonths(months.getFirst() - 1L);
                List<List<String>> active = activeNumbers(list, from, months.size());
                for (int m = 0; m < months.size(); m++) {
                    counts.add(new RelativeMonthCount(months.get(m), from.plusMonths(m), active.get(m).size(),
                            active.get(m)));
                }
            }
            rows.add(new RoadmapRelativeMonths(roadmapId, year, counts));
        });
        return new RoadmapYear(List.copyOf(months), List.copyOf(rows));
    }

    /** 1 for January of {@code year}, 0 for the December before, 13 for the January after. */
    static int relative(int year, YearMonth month) {
        return (month.getYear() - year) * 12 + month.getMonthValue();
    }

    /**
     * For {@code count} months from {@code from}, the numbers of the items {@linkplain #active active} in each, in
     * the items' order: each item's periods are walked month by month, rather than every month asking every item.
     */
    static List<List<String>> activeNumbers(List<ComparedItem> items, YearMonth from, int count) {
        List<List<String>> numbers = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            numbers.add(new ArrayList<>());
        }
        int[] lastItem = new int[count];
        java.util.Arrays.fill(lastItem, -1);
        long first = from.getYear() * 12L + from.getMonthValue() - 1;
        for (int i = 0; i < items.size(); i++) {
            ComparedItem item = items.get(i);
            for (ComparedItem.Period period : item.periods()) {
                Optional<LocalDate> start = RoadmapItems.firstDay(period);
                if (start.isEmpty()) {
                    continue;
                }
                LocalDate end = RoadmapItems.lastDay(period).orElseThrow();
                long startIndex = Math.max(0, start.get().getYear() * 12L + start.get().getMonthValue() - 1 - first);
                long endIndex = Math.min(count - 1L, end.getYear() * 12L + end.getMonthValue() - 1 - first);
                for (long m = startIndex; m <= endIndex; m++) {
                    if (lastItem[(int) m] != i) {
                        lastItem[(int) m] = i;
                        numbers.get((int) m).add(item.number() == null ? "" : item.number());
                    }
                }
            }
        }
        return numbers;
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
