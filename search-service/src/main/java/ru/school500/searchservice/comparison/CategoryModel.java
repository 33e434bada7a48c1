package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One-vs-rest logistic regression over the lemmas of an item's text: for each category the probability that the
 * item belongs to it, and the lemmas that weighed most for it (the evidence an analyst reads). Trained by
 * stochastic gradient descent with L2 regularisation in a fixed order, so the same examples give the same model.
 */
final class CategoryModel {

    /** How many of the item's lemmas with the largest positive weights explain a prediction. */
    static final int EVIDENCE_TERMS = 4;

    private final List<String> categories;
    private final Map<String, double[]> weights;
    private final double[] bias;

    private CategoryModel(List<String> categories, Map<String, double[]> weights, double[] bias) {
        this.categories = categories;
        this.weights = weights;
        this.bias = bias;
    }

    /** A labelled item: its lemmas and the categories a methodologist put it in (possibly several). */
    record Example(Set<String> lemmas, Set<String> categories) {
    }

    /** @param terms the item's lemmas that speak most for the category, strongest first */
    record Prediction(String category, double probability, List<String> terms) {
    }

    /**
     * @param maxFeatureShare a lemma in more than this share of the examples («провести», «школа», «проект») says
     *                        nothing about a category and is left out, so it never shows as evidence either
     */
    record Training(int epochs, double learningRate, double l2, double maxFeatureShare) {

        static final Training DEFAULT = new Training(60, 0.2, 0.001, 0.1);
    }

    static CategoryModel train(List<String> categories, List<Example> examples, Training training) {
        int count = categories.size();
        Map<String, Integer> df = new HashMap<>();
        examples.forEach(example -> example.lemmas().forEach(lemma -> df.merge(lemma, 1, Integer::sum)));
        double maxDf = training.maxFeatureShare() * examples.size();
        Map<String, double[]> weights = new HashMap<>();
        df.forEach((lemma, n) -> {
            if (n <= maxDf) {
                weights.put(lemma, new double[count]);
            }
        });
        double[] bias = new double[count];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(500);
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example example : order) {
                List<double[]> active = new ArrayList<>(example.lemmas().size());
                for (String lemma : example.lemmas()) {
                    double[] w = weights.get(lemma);
                    if (w != null) {
                        active.add(w);
                    }
                }
                for (int c = 0; c < count; c++) {
                    double z = bias[c];
                    for (double[] w : active) {
                        z += w[c];
                    }
                    double gradient = sigmoid(z) - (example.categories().contains(categories.get(c)) ? 1 : 0);
                    bias[c] -= training.learningRate() * gradient;
                    for (double[] w : active) {
                        w[c] -= training.learningRate() * (gradient + training.l2() * w[c]);
                    }
                }
            }
        }
        return new CategoryModel(List.copyOf(categories), weights, bias);
    }

    /** Every category with its probability for these lemmas, most probable first; unknown lemmas weigh nothing. */
    List<Prediction> predict(Collection<String> lemmas) {
        Set<String> distinct = new LinkedHashSet<>(lemmas);
        List<Prediction> predictions = new ArrayList<>(categories.size());
        for (int c = 0; c < categories.size(); c++) {
            int category = c;
            double z = bias[c];
            List<String> known = new ArrayList<>();
            for (String lemma : distinct) {
                double[] w = weights.get(lemma);
                if (w != null) {
                    z += w[c];
                    if (w[c] > 0) {
                        known.add(lemma);
                    }
                }
            }
            known.sort(Comparator.comparingDouble((String lemma) -> weights.get(lemma)[category]).reversed());
            predictions.add(new Prediction(categories.get(c), sigmoid(z),
                    List.copyOf(known.subList(0, Math.min(EVIDENCE_TERMS, known.size())))));
        }
        predictions.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return predictions;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
