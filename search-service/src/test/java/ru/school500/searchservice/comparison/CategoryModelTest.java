package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CategoryModelTest {

    private static final List<String> CATEGORIES = List.of("MENTORING", "PARENTS_COMMUNITY", "MONITORING");
    /** Fifteen examples of three categories: a category's words are in a third of them, the shared ones in all. */
    private static final CategoryModel.Training TRAINING = new CategoryModel.Training(60, 0.2, 0.001, 0.5);

    @Test
    void itLearnsWhichLemmasSpeakForACategoryAndNamesThemAsEvidence() {
        CategoryModel model = CategoryModel.train(CATEGORIES, examples(), TRAINING);

        List<CategoryModel.Prediction> predictions = model.predict(List.of("провести", "слет", "наставник"));

        assertThat(predictions.getFirst().category()).isEqualTo("MENTORING");
        assertThat(predictions.getFirst().probability()).isGreaterThan(0.5);
        assertThat(predictions.getFirst().terms()).contains("наставник").doesNotContain("провести");
        assertThat(predictions).extracting(CategoryModel.Prediction::category)
                .containsExactlyInAnyOrderElementsOf(CATEGORIES);
    }

    @Test
    void wordsInMostExamplesAreNoEvidenceAndUnknownWordsWeighNothing() {
        CategoryModel model = CategoryModel.train(CATEGORIES, examples(), TRAINING);

        List<CategoryModel.Prediction> predictions = model.predict(List.of("провести", "школа", "космонавтика"));

        assertThat(predictions).allSatisfy(prediction -> {
            assertThat(prediction.terms()).isEmpty();
            assertThat(prediction.probability()).isLessThan(0.5);
        });
    }

    @Test
    void theSameExamplesGiveTheSameModel() {
        List<CategoryModel.Prediction> one = CategoryModel.train(CATEGORIES, examples(), TRAINING)
                .predict(List.of("родитель", "анкетирование"));
        List<CategoryModel.Prediction> other = CategoryModel.train(CATEGORIES, examples(), TRAINING)
                .predict(List.of("родитель", "анкетирование"));

        assertThat(one).isEqualTo(other);
    }

    private static List<CategoryModel.Example> examples() {
        List<CategoryModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(example("MENTORING", "провести", "школа", "наставник", "молодой", "вариант" + i));
            examples.add(example("PARENTS_COMMUNITY", "провести", "школа", "родитель", "собрание", "вариант" + i));
            examples.add(example("MONITORING", "провести", "школа", "мониторинг", "анкетирование", "вариант" + i));
        }
        return examples;
    }

    private static CategoryModel.Example example(String category, String... lemmas) {
        return new CategoryModel.Example(Set.of(lemmas), Set.of(category));
    }
}
