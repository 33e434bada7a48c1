package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the category model adds to the taxonomy's rules for one item: every category it is confident of
 * ({@code threshold}), and for an item nothing else classifies its most probable category when that is at least
 * {@code fallbackThreshold}. An analyst's override replaces both, so it is not applied here.
 */
final class ModelCategories {

    static final String SOURCE = "model";

    private ModelCategories() {
    }

    static List<ComparedItem.Evidence> added(Collection<String> ruleCategories, List<CategoryModel.Prediction> predictions,
            ComparisonProperties.Classifier settings) {
        List<ComparedItem.Evidence> added = new ArrayList<>();
        for (CategoryModel.Prediction prediction : predictions) {
            if (prediction.probability() >= settings.threshold() && !ruleCategories.contains(prediction.category())
                    && !prediction.terms().isEmpty()) {
                added.add(evidence(prediction));
            }
        }
        if (ruleCategories.isEmpty() && added.isEmpty() && !predictions.isEmpty()) {
            CategoryModel.Prediction best = predictions.getFirst();
            if (best.probability() >= settings.fallbackThreshold() && !best.terms().isEmpty()) {
                added.add(evidence(best));
            }
        }
        return added;
    }

    private static ComparedItem.Evidence evidence(CategoryModel.Prediction prediction) {
        return new ComparedItem.Evidence(prediction.category(), SOURCE, SOURCE, prediction.terms(),
                Math.round(prediction.probability() * 1000) / 1000.0);
    }
}
