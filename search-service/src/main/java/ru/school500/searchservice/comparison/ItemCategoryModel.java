package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The category model trained on {@code comparison/training-items.tsv}. It needs the index analyzer for the
 * training texts, so it is trained on the first comparison (a few hundred short texts: three analyse requests
 * and well under a second of arithmetic) and kept for the life of the service.
 */
@Component
class ItemCategoryModel {

    static final String TRAINING = "comparison/training-items.tsv";

    private final TaskLemmas lemmas;
    private final Taxonomy taxonomy;
    private volatile CategoryModel model;

    ItemCategoryModel(TaskLemmas lemmas, Taxonomy taxonomy) {
        this.lemmas = lemmas;
        this.taxonomy = taxonomy;
    }

    CategoryModel model() {
        CategoryModel trained = model;
        if (trained == null) {
            synchronized (this) {
                if (model == null) {
                    model = train(LabelledItems.resource(TRAINING, taxonomy));
                }
                trained = model;
            }
        }
        return trained;
    }

    CategoryModel train(LabelledItems training) {
        Map<String, List<String>> analysed = lemmas.of(training.texts());
        List<CategoryModel.Example> examples = new ArrayList<>();
        for (LabelledItems.Labelled item : training.items()) {
            examples.add(new CategoryModel.Example(new LinkedHashSet<>(TaskLemmas.lemmas(analysed.get(item.text()))), item.categories()));
        }
        List<String> codes = taxonomy.categories().stream().map(Taxonomy.Category::code).toList();
        return CategoryModel.train(codes, examples, CategoryModel.Training.DEFAULT);
    }
}
