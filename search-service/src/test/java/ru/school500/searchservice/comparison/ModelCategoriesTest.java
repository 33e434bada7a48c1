package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelCategoriesTest {

    private static final ComparisonProperties.Classifier SETTINGS = new ComparisonProperties.Classifier(0.6, 0.15);

    @Test
    void confidentCategoriesAreAddedToTheRulesWithTheirLemmasAndProbability() {
        List<ComparedItem.Evidence> added = ModelCategories.added(List.of("MONITORING"), List.of(
                prediction("CURATORSHIP", 0.9, "куратор"), prediction("MONITORING", 0.8, "мониторинг"),
                prediction("MENTORING", 0.3, "наставник")), SETTINGS);

        assertThat(added).singleElement().satisfies(evidence -> {
            assertThat(evidence.category()).isEqualTo("CURATORSHIP");
            assertThat(evidence.source()).isEqualTo("model");
            assertThat(evidence.terms()).containsExactly("куратор");
            assertThat(evidence.probability()).isEqualTo(0.9);
        });
    }

    @Test
    void anItemNothingElseClassifiesGetsTheMostProbableCategoryAboveTheFallback() {
        assertThat(ModelCategories.added(List.of(), List.of(prediction("CURATORSHIP", 0.4, "совещание"),
                prediction("MENTORING", 0.2, "молодой")), SETTINGS))
                .extracting(ComparedItem.Evidence::category).containsExactly("CURATORSHIP");
        assertThat(ModelCategories.added(List.of("MONITORING"), List.of(prediction("CURATORSHIP", 0.4, "совещание")),
                SETTINGS)).isEmpty();
        assertThat(ModelCategories.added(List.of(), List.of(prediction("CURATORSHIP", 0.1, "совещание")), SETTINGS))
                .isEmpty();
    }

    @Test
    void aPredictionWithoutAnyLemmaForItIsNoEvidence() {
        assertThat(ModelCategories.added(List.of(), List.of(prediction("CURATORSHIP", 0.7)), SETTINGS)).isEmpty();
    }

    private static CategoryModel.Prediction prediction(String category, double probability, String... terms) {
        return new CategoryModel.Prediction(category, probability, List.of(terms));
    }
}
