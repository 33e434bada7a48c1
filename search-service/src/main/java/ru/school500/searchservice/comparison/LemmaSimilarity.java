package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which items of different regions mean the same thing: TF-IDF cosine over the items' words, ignoring the words
 * that a large share of the compared items contain (the boilerplate every roadmap shares: «проект», «школа»,
 * «организовать»), computed through an inverted index so that only items sharing a rare word are ever scored.
 *
 * <p>A word is a lemma cut to its first {@value #STEM_LENGTH} letters, so that derivations of one root meet:
 * «согласовать» and «согласование», «разработать» and «разработка», «наставник» and «наставничество» (Irkutsk
 * writes its tasks as infinitives, Kirov as verbal nouns). A pair is reported when each item is the other's best
 * match in the other item's region (mutual best), which makes the matches one-to-one per pair of regions and keeps
 * an item that resembles many from being «the match» of all of them.
 */
final class LemmaSimilarity {

    /** Words shown as the explanation of a pair, strongest first. */
    static final int EXPLAINING_TERMS = 6;
    static final int STEM_LENGTH = 7;

    private LemmaSimilarity() {
    }

    /** @param lemmas the item's words as {@link TaskLemmas} gives them */
    record Doc(String region, List<String> lemmas) {
    }

    /** @param left index of the earlier item in the input */
    record Match(int left, int right, double score) {
    }

    record Settings(double threshold, double maxDocumentShare, int minSharedTerms) {

        static Settings of(ComparisonProperties.Similarity similarity) {
            return new Settings(similarity.threshold(), similarity.maxDocumentShare(), similarity.minSharedTerms());
        }
    }

    /** The matches, best first, and what explains each (computed only for the matches shown). */
    static final class Result {

        private final List<Match> matches;
        private final Vectors vectors;
        private final List<Doc> docs;
        private final Map<String, String> canonical;

        private Result(List<Match> matches, Vectors vectors, List<Doc> docs, Map<String, String> canonical) {
            this.matches = matches;
            this.vectors = vectors;
            this.docs = docs;
            this.canonical = canonical;
        }

        List<Match> matches() {
            return matches;
        }

        /** The words both items contain, those that weigh most in the score first («согласовать/согласование»). */
        List<String> sharedTerms(Match match) {
            Map<Integer, Double> right = new HashMap<>();
            int[] rightIds = vectors.terms.get(match.right());
            for (int k = 0; k < rightIds.length; k++) {
                right.put(rightIds[k], vectors.weights.get(match.right())[k]);
            }
            List<Map.Entry<Integer, Double>> shared = new ArrayList<>();
            int[] leftIds = vectors.terms.get(match.left());
            for (int k = 0; k < leftIds.length; k++) {
                Double other = right.get(leftIds[k]);
                if (other != null) {
                    shared.add(Map.entry(leftIds[k], other * vectors.weights.get(match.left())[k]));
                }
            }
            shared.sort(Map.Entry.<Integer, Double>comparingByValue().reversed()
                    .thenComparing(entry -> vectors.names.get(entry.getKey())));
            Map<String, String> leftWords = words(match.left());
            Map<String, String> rightWords = words(match.right());
            return shared.stream().limit(EXPLAINING_TERMS).map(entry -> {
                String feature = vectors.names.get(entry.getKey());
                String left = leftWords.getOrDefault(feature, feature);
                String other = rightWords.getOrDefault(feature, feature);
                return left.equals(other) ? left : left + "/" + other;
            }).toList();
        }

        private Map<String, String> words(int doc) {
            Map<String, String> words = new LinkedHashMap<>();
            for (String word : docs.get(doc).lemmas()) {
                String lemma = canonical.get(word);
                words.putIfAbsent(feature(lemma), lemma);
            }
            return words;
        }
    }

    static Result oneToOne(List<Doc> docs, Settings settings) {
        int n = docs.size();
        Map<String, String> canonical = canonicalLemmas(docs);
        Vectors vectors = Vectors.of(docs, canonical, settings.maxDocumentShare());
        Postings postings = Postings.of(vectors);
        Map<String, Integer> regionIds = new HashMap<>();
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = regionIds.computeIfAbsent(String.valueOf(docs.get(i).region()), r -> regionIds.size());
        }

        // each item's best match in every other region: regions ascending, the matched item and the score
        int[][] bestRegion = new int[n][];
        int[][] bestDoc = new int[n][];
        double[][] bestScore = new double[n][];
        double[] scores = new double[n];
        int[] shared = new int[n];
        int[] touched = new int[n];
        int[] regionBest = new int[regionIds.size()];
        Arrays.fill(regionBest, -1);
        int[] touchedRegions = new int[regionIds.size()];
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            int[] ids = vectors.terms.get(i);
            double[] weights = vectors.weights.get(i);
            for (int k = 0; k < ids.length; k++) {
                int[] postingDocs = postings.docs[ids[k]];
                double[] postingWeights = postings.weights[ids[k]];
                for (int p = 0; p < postingDocs.length; p++) {
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
            int regionCount = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                if (scores[j] >= settings.threshold() && shared[j] >= settings.minSharedTerms()) {
                    int r = region[j];
                    int current = regionBest[r];
                    if (current < 0) {
                        touchedRegions[regionCount++] = r;
                    }
                    if (current < 0 || scores[j] > scores[current] || scores[j] == scores[current] && j < current) {
                        regionBest[r] = j;
                    }
                }
            }
            Arrays.sort(touchedRegions, 0, regionCount);
            bestRegion[i] = Arrays.copyOf(touchedRegions, regionCount);
            bestDoc[i] = new int[regionCount];
            bestScore[i] = new double[regionCount];
            for (int c = 0; c < regionCount; c++) {
                int j = regionBest[touchedRegions[c]];
                bestDoc[i][c] = j;
                bestScore[i][c] = scores[j];
                regionBest[touchedRegions[c]] = -1;
            }
            for (int t = 0; t < touchedCount; t++) {
                scores[touched[t]] = 0;
                shared[touched[t]] = 0;
            }
        }

        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < bestDoc[i].length; c++) {
                int j = bestDoc[i][c];
                if (j > i) {
                    int back = Arrays.binarySearch(bestRegion[j], region[i]);
                    if (back >= 0 && bestDoc[j][back] == i) {
                        matches.add(new Match(i, j, bestScore[i][c]));
                    }
                }
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparingInt(Match::left)
                .thenComparingInt(Match::right));
        return new Result(matches, vectors, docs, canonical);
    }

    static String feature(String lemma) {
        return lemma.length() > STEM_LENGTH ? lemma.substring(0, STEM_LENGTH) : lemma;
    }

    /**
     * One lemma per word: the lemmas an ambiguous form gives together («баз|база», see {@link TaskLemmas}) are one
     * lemma wherever either occurs, named by the longest of them.
     */
    private static Map<String, String> canonicalLemmas(List<Doc> docs) {
        Map<String, String> parent = new HashMap<>();
        for (Doc doc : docs) {
            for (String word : doc.lemmas()) {
                String[] alternatives = word.split("\\" + TaskLemmas.ALTERNATIVE);
                for (String alternative : alternatives) {
                    parent.putIfAbsent(alternative, alternative);
                }
                for (int a = 1; a < alternatives.length; a++) {
                    String one = root(parent, alternatives[0]);
                    String other = root(parent, alternatives[a]);
                    if (!one.equals(other)) {
                        boolean otherNames = other.length() > one.length()
                                || other.length() == one.length() && other.compareTo(one) < 0;
                        parent.put(otherNames ? one : other, otherNames ? other : one);
                    }
                }
            }
        }
        Map<String, String> canonical = new HashMap<>();
        for (Doc doc : docs) {
            for (String word : doc.lemmas()) {
                canonical.computeIfAbsent(word, w -> root(parent, w.split("\\" + TaskLemmas.ALTERNATIVE)[0]));
            }
        }
        return canonical;
    }

    private static String root(Map<String, String> parent, String lemma) {
        String root = lemma;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(lemma, root);
        return root;
    }

    /** Each item's weighted words, L2-normalised: term ids ascending, with their weights and the ids' names. */
    private record Vectors(List<int[]> terms, List<double[]> weights, List<String> names) {

        static Vectors of(List<Doc> docs, Map<String, String> canonical, double maxDocumentShare) {
            int n = docs.size();
            Map<String, Integer> df = new HashMap<>();
            List<Map<String, Integer>> tfs = new ArrayList<>(n);
            for (Doc doc : docs) {
                Map<String, Integer> tf = new HashMap<>();
                doc.lemmas().forEach(word -> tf.merge(feature(canonical.get(word)), 1, Integer::sum));
                tf.keySet().forEach(feature -> df.merge(feature, 1, Integer::sum));
                tfs.add(tf);
            }
            double maxDf = Math.max(2, maxDocumentShare * n);
            Map<String, Integer> ids = new HashMap<>();
            List<String> names = new ArrayList<>();
            List<int[]> terms = new ArrayList<>(n);
            List<double[]> weights = new ArrayList<>(n);
            for (Map<String, Integer> tf : tfs) {
                List<Map.Entry<String, Integer>> kept = tf.entrySet().stream()
                        .filter(entry -> df.get(entry.getKey()) <= maxDf).toList();
                int[] docTerms = new int[kept.size()];
                double[] docWeights = new double[kept.size()];
                double norm = 0;
                for (int k = 0; k < kept.size(); k++) {
                    String feature = kept.get(k).getKey();
                    docTerms[k] = ids.computeIfAbsent(feature, f -> {
                        names.add(f);
                        return names.size() - 1;
                    });
                    docWeights[k] = (1 + Math.log(kept.get(k).getValue())) * Math.log(1 + (double) n / df.get(feature));
                    norm += docWeights[k] * docWeights[k];
                }
                double length = Math.sqrt(norm);
                for (int k = 0; k < docWeights.length; k++) {
                    docWeights[k] /= length;
                }
                terms.add(docTerms);
                weights.add(docWeights);
            }
            return new Vectors(terms, weights, names);
        }
    }

    /** For each term, the documents containing it in increasing order, with the term's weight in each. */
    private record Postings(int[][] docs, double[][] weights) {

        static Postings of(Vectors vectors) {
            int termCount = vectors.names().size();
            int[] sizes = new int[termCount];
            vectors.terms().forEach(ids -> {
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
            for (int d = 0; d < vectors.terms().size(); d++) {
                int[] ids = vectors.terms().get(d);
                for (int k = 0; k < ids.length; k++) {
                    docs[ids[k]][fill[ids[k]]] = d;
                    weights[ids[k]][fill[ids[k]]++] = vectors.weights().get(d)[k];
                }
            }
            return new Postings(docs, weights);
        }
    }
}
