package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who executes each roadmap: per executor type, the items with at least one executor of that type (an item with
 * two municipal executors counts once). An executor without a type counts as OTHER.
 *
 * @param types the five known types, then any other type seen, in the order every roadmap lists them
 */
public record ExecutorTypes(List<String> types, List<RoadmapExecutors> roadmaps) {

    public static final List<String> KNOWN = List.of("MINISTRY", "REGIONAL_INSTITUTE", "MUNICIPAL_BODY", "SCHOOL",
            "OTHER");
    private static final Map<String, String> TITLES = Map.of(
            "MINISTRY", "Региональный орган управления образованием",
            "REGIONAL_INSTITUTE", "Региональные институты и центры",
            "MUNICIPAL_BODY", "Муниципальные органы и службы",
            "SCHOOL", "Школы",
            "OTHER", "Другие организации");

    /**
     * @param items            all items of the roadmap
     * @param types            one entry per {@link ExecutorTypes#types()}
     * @param withoutExecutors numbers of items with no executor at all
     */
    public record RoadmapExecutors(String roadmapId, int items, List<TypeCount> types, List<String> withoutExecutors) {
    }

    public record TypeCount(String type, String title, int count, List<String> itemNumbers) {
    }

    public static ExecutorTypes of(List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Map<String, List<ComparedItem>> byRoadmap = RoadmapItems.byRoadmap(roadmaps, items);
        Set<String> types = new LinkedHashSet<>(KNOWN);
        byRoadmap.values().forEach(list -> list.stream().flatMap(item -> typesOf(item).stream()).sorted()
                .forEach(types::add));
        List<RoadmapExecutors> result = new ArrayList<>();
        byRoadmap.forEach((roadmapId, list) -> {
            List<TypeCount> counts = types.stream().map(type -> {
                List<String> numbers = RoadmapItems.numbers(list.stream()
                        .filter(item -> typesOf(item).contains(type)).toList());
                return new TypeCount(type, title(type), numbers.size(), numbers);
            }).toList();
            List<String> without = RoadmapItems.numbers(list.stream().filter(item -> item.executors().isEmpty())
                    .toList());
            result.add(new RoadmapExecutors(roadmapId, list.size(), counts, without));
        });
        return new ExecutorTypes(List.copyOf(types), List.copyOf(result));
    }

    /** The Russian name of an executor type; an unknown type is shown as is. */
    public static String title(String type) {
        return TITLES.getOrDefault(type, type);
    }

    /** The distinct executor types of an item, OTHER standing for a missing type. */
    static Set<String> typesOf(ComparedItem item) {
        Set<String> types = new LinkedHashSet<>();
        item.executors().stream().filter(Objects::nonNull)
                .map(executor -> executor.type() == null || executor.type().isBlank() ? "OTHER" : executor.type())
                .forEach(types::add);
        return types;
    }
}
