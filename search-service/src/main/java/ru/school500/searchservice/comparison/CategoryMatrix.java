package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Category × roadmap: how many items of each roadmap fall in each category, and which. An item in several
 * categories counts in each; codes on items that the taxonomy does not know (an old override) get rows of their
 * own after the taxonomy's, titled by the code; items in no category make the last row.
 *
 * @param rows   taxonomy categories in taxonomy order, unknown codes, then {@link #UNCLASSIFIED}
 * @param totals all items per roadmap, in roadmap order
 */
public record CategoryMatrix(List<Row> rows, List<Cell> totals) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    static final String UNCLASSIFIED_TITLE = "Не отнесены ни к одной категории";

    public record Row(String code, String title, List<Cell> cells) {
    }

    /** @param itemNumbers in document order */
    public record Cell(String roadmapId, int count, List<String> itemNumbers) {
    }

    public static CategoryMatrix of(List<Taxonomy.Category> categories, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items) {
        Map<String, List<ComparedItem>> byRoadmap = RoadmapItems.byRoadmap(roadmaps, items);
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> known = new HashSet<>();
        categories.forEach(category -> known.add(category.code()));
        byRoadmap.values().forEach(list -> list.forEach(item -> item.categories().stream()
                .filter(code -> !known.contains(code)).sorted().forEach(unknown::add)));

        List<Row> rows = new ArrayList<>();
        for (Taxonomy.Category category : categories) {
            rows.add(row(category.code(), category.title(), byRoadmap));
        }
        for (String code : unknown) {
            rows.add(row(code, code, byRoadmap));
        }
        rows.add(new Row(UNCLASSIFIED, UNCLASSIFIED_TITLE, cells(byRoadmap, item -> item.categories().isEmpty())));
        return new CategoryMatrix(List.copyOf(rows), cells(byRoadmap, item -> true));
    }

    public Optional<Cell> cell(String code, String roadmapId) {
        return rows.stream().filter(row -> row.code().equals(code)).flatMap(row -> row.cells().stream())
                .filter(cell -> cell.roadmapId().equals(roadmapId)).findFirst();
    }

    private static Row row(String code, String title, Map<String, List<ComparedItem>> byRoadmap) {
        return new Row(code, title, cells(byRoadmap, item -> item.categories().contains(code)));
    }

    private static List<Cell> cells(Map<String, List<ComparedItem>> byRoadmap,
            Predicate<ComparedItem> filter) {
        return byRoadmap.entrySet().stream().map(entry -> {
            List<String> numbers = RoadmapItems.numbers(entry.getValue().stream().filter(filter).toList());
            return new Cell(entry.getKey(), numbers.size(), numbers);
        }).toList();
    }
}
