package ru.school500.searchservice.query;

import java.util.List;

/**
 * A validated search request. {@code after} is the opaque cursor of the previous page's last hit, the
 * way past the first 10 000 hits (search_after).
 */
record SearchParams(String q, List<String> types, List<String> regions, List<Integer> years, List<String> directions,
        List<String> levels, List<String> riskFactors, int page, int size, SortOrder sort, String after) {

    enum SortOrder {
        RELEVANCE, DATE, TITLE
    }

    SearchParams {
        types = copy(types);
        regions = copy(regions);
        years = years == null ? List.of() : List.copyOf(years);
        directions = copy(directions);
        levels = copy(levels);
        riskFactors = copy(riskFactors);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
