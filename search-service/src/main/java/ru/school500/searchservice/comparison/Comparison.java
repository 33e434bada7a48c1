package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a federal analyst sees for a set of roadmaps put side by side; the XLSX export writes one sheet per
 * part ({@link ComparisonWorkbook}).
 *
 * @param roadmaps        the compared roadmaps, in column order
 * @param taxonomyVersion version of the category rules the items were classified with
 * @param overdue         carries the date it was computed for
 * @param similar         computed outside (more_like_this), passed through
 * @param items           every compared item with its categories and the evidence for them (the drill-down)
 * @param categoryRules   the taxonomy's categories with their descriptions and rules, to explain the evidence
 */
public record Comparison(List<ComparedRoadmap> roadmaps, int taxonomyVersion, CategoryMatrix categories,
        ExecutorTypes executors, Timeline timeline, Overdue overdue, List<SimilarPair> similar,
        List<CoverageScore> coverage, List<ComparedItem> items, List<Taxonomy.Category> categoryRules) {

    public Comparison {
        roadmaps = List.copyOf(roadmaps);
        similar = similar == null ? List.of() : List.copyOf(similar);
        coverage = List.copyOf(coverage);
        items = items == null ? List.of() : List.copyOf(items);
        categoryRules = categoryRules == null ? List.of() : List.copyOf(categoryRules);
    }

    /**
     * Every view, without the items' texts: no drill-down list, overdue items by number and deadline. What a page of
     * 85 regions loads first (a tenth of the full answer); a cell's items come from {@code /api/comparison/items}.
     */
    public Comparison withoutTexts() {
        return new Comparison(roadmaps, taxonomyVersion, categories, executors, timeline, overdue.withoutTexts(),
                similar, coverage, List.of(), categoryRules);
    }

    /** Computes every view from classified items, overdue on one date for all roadmaps. */
    public static Comparison of(Taxonomy taxonomy, CoverageRubric rubric, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items, LocalDate overdueOn, List<SimilarPair> similar) {
        return of(taxonomy, rubric, roadmaps, items, Overdue.on(overdueOn, roadmaps, items), similar);
    }

    /**
     * Computes every view from classified items; overdue on {@code requested} when given, otherwise each roadmap
     * on the end of its own period (today while it runs).
     */
    public static Comparison of(Taxonomy taxonomy, CoverageRubric rubric, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items, LocalDate requested, LocalDate today, List<SimilarPair> similar) {
        return of(taxonomy, rubric, roadmaps, items, Overdue.of(requested, today, roadmaps, items), similar);
    }

    private static Comparison of(Taxonomy taxonomy, CoverageRubric rubric, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items, Overdue overdue, List<SimilarPair> similar) {
        return new Comparison(roadmaps, taxonomy.version(), CategoryMatrix.of(taxonomy.categories(), roadmaps, items),
                ExecutorTypes.of(roadmaps, items), Timeline.of(roadmaps, items), overdue,
                similar, rubric.score(taxonomy.categories(), roadmaps, items), items, taxonomy.categories());
    }
}
