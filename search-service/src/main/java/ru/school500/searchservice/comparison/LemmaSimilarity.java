package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which items of different regions mean the same thing: TF-IDF cosine over the items' lemmas, ignoring the
 * lemmas that a large share of the compared items contain (the boilerplate every roadmap shares: «проект»,
 * «школа», «организовать»), computed through an inverted index so that only items sharing a rare lemma are ever
 * scored. Matches are one-to-one per pair of regions: greedily by score, an item already matched with an item of
 * that other region is not matched again.
 */
final class LemmaSimilarity {

    /** Lemmas shown as the explanation of a pair, strongest first. */
    static final int EXPLAINING_TERMS = 6;

    private LemmaSimilarity() {
    }

    record Doc(String region, List<String> lemmas) {
    }

    /**
     * @param left        index of the earlier item in the input
     * @param sharedTerms the lemmas both items contain, by their weight in the score
     */
    record Match(int left, int right, double score, List<String> sharedTerms) {
    }

    record Settings(double threshold, double maxDocumentShare, int minSharedTerms) {

        static Settings of(ComparisonProperties.Similarity similarity) {
            return new Settings(similarity.threshold(), similarity.maxDocumentShare(), similarity.minSharedTerms());
        }
    }

    static List<Match> oneToOne(List<Doc> docs, Settings settings) {
        int n = docs.size();
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Integer>> tfs = new ArrayList<>(n);
        for (Doc doc : docs) {
            Map<String, Integer> tf = new HashMap<>();
            doc.lemmas().forEach(lemma -> tf.merge(lemma, 1, Integer::sum));
            tf.keySet().forEach(lemma -> df.merge(lemma, 1, Integer::sum));
            tfs.add(tf);
        }
        double maxDf = Math.max(2, settings.maxDocumentShare() * n);
        Map<String, Integer> termIds = new HashMap<>();
        List<String> terms = new ArrayList<>();
        List<int[]> docTerms = new ArrayList<>(n);
        List<double[]> docWeights = new ArrayList<>(n);
        for (Map<String, Integer> tf : tfs) {
            List<Map.Entry<String, Integer>> kept = tf.entrySet().stream().filter(e -> df.get(e.getKey()) <= maxDf)
                    .toList();
            int[] ids = new int[kept.size()];
            double[] weights = new double[kept.size()];
            double norm = 0;
            for (int k = 0; k < kept.size(); k++) {
                String lemma = kept.get(k).getKey();
                ids[k] = termIds.computeIfAbsent(lemma, l -> {
                    terms.add(l);
                    return terms.size() - 1;
                });
                weights[k] = (1 + Math.log(kept.get(k).getValue())) * Math.log(1 + (double) n / df.get(lemma));
                norm += weights[k] * weights[k];
            }
            double length = Math.sqrt(norm);
            for (int k = 0; k < weights.length; k++) {
                weights[k] /= length;
            }
            docTerms.add(ids);
            docWeights.add(weights);
        }
        Postings postings = Postings.of(terms.size(), docTerms, docWeights);
        Map<String, Integer> regionIds = new HashMap<>();
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = regionIds.computeIfAbsent(String.valueOf(docs.get(i).region()), r -> regionIds.size());
        }

        Map<Long, List<Candidate>> byRegionPair = new HashMap<>();
        double[] scores = new double[n];
        int[] shared = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            int[] ids = docTerms.get(i);
            double[] weights = docWeights.get(i);
            for (int k = 0; k < ids.length; k++) {
                int[] postingDocs = postings.docs[ids[k]];
                double[] postingWeights = postings.weights[ids[k]];
                // postings are in document order: only later documents, so each pair is scored once
                for (int p = postings.firstAfter(ids[k], i); p < postingDocs.length; p++) {
                    int j = postingDocs[p];
                    if (region[j] == region[i]) {
                        continue;
                    }
                    if (shared[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    shared[j]++;
                    scores[j] += weights[k] * postingWeights[p];
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                if (scores[j] >= settings.threshold() && shared[j] >= settings.minSharedTerms()) {
                    long key = ((long) Math.min(region[i], region[j]) << 32) | Math.max(region[i], region[j]);
                    byRegionPair.computeIfAbsent(key, x -> new ArrayList<>()).add(new Candidate(i, j, scores[j]));
                }
                scores[j] = 0;
                shared[j] = 0;
            }
        }

        List<Match> matches = new ArrayList<>();
        Comparator<Candidate> best = Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::left).thenComparingInt(Candidate::right);
        for (List<Candidate> candidates : byRegionPair.values()) {
            candidates.sort(best);
            java.util.Set<Integer> matched = new java.util.HashSet<>();
            for (Candidate candidate : candidates) {
                if (matched.contains(candidate.left()) || matched.contains(candidate.right())) {
                    continue;
                }
                matched.add(candidate.left());
                matched.add(candidate.right());
                matches.add(new Match(candidate.left(), candidate.right(), candidate.score(),
                        explaining(docTerms, docWeights, terms, candidate.left(), candidate.right())));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparingInt(Match::left)
                .thenComparingInt(Match::right));
        return matches;
    }

    private static List<String> explaining(List<int[]> docTerms, List<double[]> docWeights, List<String> terms,
            int left, int right) {
        Map<Integer, Double> rightWeights = new HashMap<>();
        int[] rightIds = docTerms.get(right);
        for (int k = 0; k < rightIds.length; k++) {
            rightWeights.put(rightIds[k], docWeights.get(right)[k]);
        }
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        int[] leftIds = docTerms.get(left);
        for (int k = 0; k < leftIds.length; k++) {
            Double other = rightWeights.get(leftIds[k]);
            if (other != null) {
                contributions.add(Map.entry(terms.get(leftIds[k]), other * docWeights.get(left)[k]));
            }
        }
        return contributions.stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(EXPLAINING_TERMS).map(Map.Entry::getKey).toList();
    }

    private record Candidate(int left, int right, double score) {
    }

    /** For each term, the documents containing it in increasing order, with the term's weight in each. */
    private record Postings(int[][] docs, double[][] weights) {

        static Postings of(int termCount, List<int[]> docTerms, List<double[]> docWeights) {
            int[] sizes = new int[termCount];
            docTerms.forEach(ids -> {
                for (int id : ids) {
                    sizes[id]++;
                }
            });
            int[][] docs = new int[termCount][];
            double[][] weights = new double[termCount][];
            for (int t = 0; t < termCount; t++) {
                docs[t] = new int[sizes[t]];
                weights[t] = new double[sizes[t]];
            }
            int[] fill = new int[termCount];
            for (int d = 0; d < docTerms.size(); d++) {
                int[] ids = docTerms.get(d);
                for (int k = 0; k < ids.length; k++) {
                    docs[ids[k]][fill[ids[k]]] = d;
                    weights[ids[k]][fill[ids[k]]++] = docWeights.get(d)[k];
                }
            }
            return new Postings(docs, weights);
        }

        int firstAfter(int term, int doc) {
            int at = java.util.Arrays.binarySearch(docs[term], doc);
            return at >= 0 ? at + 1 : -at - 1;
        }
    }
}
