package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.school500.searchservice.comparison.ComparisonMother.IRKUTSK;
import static ru.school500.searchservice.comparison.ComparisonMother.KIROV;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.util.List;

import org.junit.jupiter.api.Test;

class CategoryMatrixTest {

    private static final List<Taxonomy.Category> CATEGORIES = List.of(
            new Taxonomy.Category("PARENTS_COMMUNITY", "Работа с родителями и местным сообществом", "", List.of()),
            new Taxonomy.Category("MENTORING", "Наставничество", "", List.of()));

    @Test
    void countsItemsPerCategoryAndRoadmapWithTheirNumbersInDocumentOrder() {
        List<ComparedItem> items = List.of(
                irkutsk("2.10").in("PARENTS_COMMUNITY").build(),
                irkutsk("2.7").in("PARENTS_COMMUNITY").build(),
                irkutsk("2.9").in("PARENTS_COMMUNITY", "MENTORING").build(),
                kirov("2.10").in("MENTORING").build(),
                kirov("4.2").in("MENTORING").build());

        CategoryMatrix matrix = CategoryMatrix.of(CATEGORIES, ComparisonMother.roadmaps(), items);

        assertThat(matrix.rows()).extracting(CategoryMatrix.Row::code)
                .containsExactly("PARENTS_COMMUNITY", "MENTORING", CategoryMatrix.UNCLASSIFIED);
        assertThat(matrix.cell("PARENTS_COMMUNITY", IRKUTSK.id())).hasValue(
                new CategoryMatrix.Cell(IRKUTSK.id(), 3, List.of("2.7", "2.9", "2.10")));
        assertThat(matrix.cell("PARENTS_COMMUNITY", KIROV.id())).hasValue(
                new CategoryMatrix.Cell(KIROV.id(), 0, List.of()));
        assertThat(matrix.cell("MENTORING", IRKUTSK.id()).orElseThrow().itemNumbers()).containsExactly("2.9");
        assertThat(matrix.cell("MENTORING", KIROV.id()).orElseThrow().itemNumbers()).containsExactly("2.10", "4.2");
    }

    @Test
    void itemsInNoCategoryMakeTheUnclassifiedRowAndCountInTheTotals() {
        List<ComparedItem> items = List.of(
                irkutsk("1.1").build(),
                irkutsk("1.2").in("MENTORING").build(),
                kirov("1.2").build(),
                kirov("1.3").build());

        CategoryMatrix matrix = CategoryMatrix.of(CATEGORIES, ComparisonMother.roadmaps(), items);

        CategoryMatrix.Row unclassified = matrix.rows().getLast();
        assertThat(unclassified.title()).isEqualTo("Не отнесены ни к одной категории");
        assertThat(unclassified.cells()).containsExactly(
                new CategoryMatrix.Cell(IRKUTSK.id(), 1, List.of("1.1")),
                new CategoryMatrix.Cell(KIROV.id(), 2, List.of("1.2", "1.3")));
        assertThat(matrix.totals()).extracting(CategoryMatrix.Cell::count).containsExactly(2, 2);
    }

    @Test
    void codesUnknownToTheTaxonomyGetRowsOfTheirOwnBeforeUnclassified() {
        List<ComparedItem> items = List.of(irkutsk("1.1").in("OLD_CODE", "MENTORING", "OLD_CODE").build());

        CategoryMatrix matrix = CategoryMatrix.of(CATEGORIES, ComparisonMother.roadmaps(), items);

        assertThat(matrix.rows()).extracting(CategoryMatrix.Row::code)
                .containsExactly("PARENTS_COMMUNITY", "MENTORING", "OLD_CODE", CategoryMatrix.UNCLASSIFIED);
        assertThat(matrix.cell("OLD_CODE", IRKUTSK.id()).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void ignoresItemsOfRoadmapsNotCompared() {
        List<ComparedItem> items = List.of(kirov("2.10").in("MENTORING").build());

        CategoryMatrix matrix = CategoryMatrix.of(CATEGORIES, List.of(IRKUTSK), items);

        assertThat(matrix.cell("MENTORING", IRKUTSK.id()).orElseThrow().count()).isZero();
        assertThat(matrix.cell("MENTORING", KIROV.id())).isEmpty();
    }
}
