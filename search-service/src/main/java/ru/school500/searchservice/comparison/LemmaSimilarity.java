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
    /**
     * Scores closer than this are equal: the same two vectors summed in another order may differ in the last bits,
     * and a tie goes to the earlier item, whichever side the pair was scored from.
     */
    static final double TIE = 1e-9;
    static final Comparator<Match> BEST_FIRST = Comparator.comparingLong((Match match) -> Math.round(match.score() / TIE))
            .reversed().thenComparingInt(Match::left).thenComparingInt(Match::right);
    /** Thresholds tried before the configured one when only the best matches are wanted ({@link #best}). */
    static final double[] PASSES = {0.8, 0.6, 0.4};

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

    /** Every match from the threshold, best first. */
    static Result oneToOne(List<Doc> docs, Settings settings) {
        return best(docs, settings, Integer.MAX_VALUE);
    }

    /**
     * The {@code limit} best matches from the threshold, best first: the same as the first {@code limit} of
     * {@link #oneToOne}. Searched from a higher cosine down ({@link #PASSES}), each pass finding every match at
     * least as strong as its own threshold, so that most comparisons of many regions stop at the first pass,
     * where the search is cheapest.
     */
    static Result best(List<Doc> docs, Settings settings, int limit) {
        Map<String, String> canonical = canonicalLemmas(docs);
        Vectors vectors = Vectors.of(docs, canonical, settings.maxDocumentShare());
        Map<String, Integer> regionIds = new HashMap<>();
        int[] region = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            region[i] = regionIds.computeIfAbsent(String.valueOf(docs.get(i).region()), r -> regionIds.size());
        }
        List<Match> matches = List.of();
        for (double pass : PASSES) {
            if (limit == Integer.MAX_VALUE || pass <= settings.threshold()) {
                break;
            }
            matches = mutualBest(vectors, region, regionIds.size(), pass, settings.minSharedTerms(), limit);
            if (matches.size() >= limit) {
                return new Result(matches, vectors, docs, canonical);
            }
        }
        matches = mutualBest(vectors, region, regionIds.size(), settings.threshold(), settings.minSharedTerms(), limit);
        return new Result(matches, vectors, docs, canonical);
    }

    /**
     * The {@code limit} best pairs scoring at least {@code threshold} in which each item is the other's best match
     * in its region (ties to the earlier item), best first.
     *
     * <p>Each pair is scored once, from its earlier item. Only candidates are scored: items sharing one of the
     * terms that the other item's vector indexes. An item indexes only its rarer terms: its most common ones (term
     * ids ascending) are left out as long as they could not reach the threshold by themselves against any item —
     * bounded by their weights times the highest weight each term has anywhere, and by their own length, since
     * the vectors have length 1 — so a pair at the threshold always shares an indexed term, and the common terms,
     * whose postings are the longest, are read only for the candidates found, and only for those whose indexed
     * terms score close enough to the threshold for the rest to reach it.
     */
    private static List<Match> mutualBest(Vectors vectors, int[] region, int regions, double threshold,
            int minSharedTerms, int limit) {
        int n = vectors.terms.size();
        int termCount = vectors.names.size();
        double[] maxWeight = new double[termCount];
        for (int d = 0; d < n; d++) {
            int[] ids = vectors.terms.get(d);
            double[] weights = vectors.weights.get(d);
            for (int k = 0; k < ids.length; k++) {
                maxWeight[ids[k]] = Math.max(maxWeight[ids[k]], weights[k]);
            }
        }
        int[] prefix = new int[n];
        // the most the unindexed terms can add to any pair, below the threshold by construction
        double[] prefixBound = new double[n];
        for (int d = 0; d < n; d++) {
            int[] ids = vectors.terms.get(d);
            double[] weights = vectors.weights.get(d);
            double bound = 0;
            double squares = 0;
            double kept = 0;
            int k = 0;
            for (; k < ids.length; k++) {
                bound += weights[k] * maxWeight[ids[k]];
                squares += weights[k] * weights[k];
                double most = Math.min(bound, Math.sqrt(squares));
                if (most >= threshold) {
                    break;
                }
                kept = most;
            }
            prefix[d] = k;
            prefixBound[d] = kept;
        }
        Postings postings = Postings.of(vectors, prefix);

        int[] bestDoc = new int[n * regions];
        double[] bestScore = new double[n * regions];
        Arrays.fill(bestDoc, -1);
        double[] scores = new double[n];
        int[] shared = new int[n];
        int[] touched = new int[n];
        double[] dense = new double[termCount];
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            int[] ids = vectors.terms.get(i);
            double[] weights = vectors.weights.get(i);
            for (int k = 0; k < ids.length; k++) {
                dense[ids[k]] = weights[k];
            }
            for (int k = 0; k < ids.length; k++) {
                int[] postingDocs = postings.docs[ids[k]];
                double[] postingWeights = postings.weights[ids[k]];
                // postings in document order: only the later items, the earlier ones scored this pair already
                for (int p = postingDocs.length - 1; p >= 0 && postingDocs[p] > i; p--) {
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
                if (scores[j] + prefixBound[j] >= threshold) {
                    int[] otherIds = vectors.terms.get(j);
                    double[] otherWeights = vectors.weights.get(j);
                    double score = scores[j];
                    for (int k = 0; k < prefix[j]; k++) {
                        double weight = dense[otherIds[k]];
                        if (weight != 0) {
                            score += weight * otherWeights[k];
                            shared[j]++;
                        }
                    }
                    if (score >= threshold && shared[j] >= minSharedTerms) {
                        offer(bestDoc, bestScore, i * regions + region[j], j, score);
                        offer(bestDoc, bestScore, j * regions + region[i], i, score);
                    }
                }
                scores[j] = 0;
                shared[j] = 0;
            }
            for (int id : ids) {
                dense[id] = 0;
            }
        }

        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < regions; r++) {
                int j = bestDoc[i * regions + r];
                if (j > i && bestDoc[j * regions + region[i]] == i) {
                    matches.add(new Match(i, j, bestScore[i * regions + r]));
                }
            }
        }
        return bestFirst(matches, limit);
    }

    /** The {@code limit} best of the matches, sorted: only those near the limit-th best score are sorted as objects. */
    private static List<Match> bestFirst(List<Match> matches, int limit) {
        List<Match> kept = matches;
        if (matches.size() > limit) {
            double[] scores = new double[matches.size()];
            for (int m = 0; m < scores.length; m++) {
                scores[m] = matches.get(m).score();
            }
            Arrays.sort(scores);
            double cutoff = scores[scores.length - limit] - 2 * TIE;
            kept = new ArrayList<>();
            for (Match match : matches) {
                if (match.score() >= cutoff) {
                    kept.add(match);
                }
            }
        }
        kept.sort(BEST_FIRST);
        return kept.size() > limit ? kept.subList(0, limit) : kept;
    }

    /** Keeps {@code candidate} as the best of its region for an item: the higher score, on a tie the earlier item. */
    private static void offer(int[] bestDoc, double[] bestScore, int slot, int candidate, double score) {
        int current = bestDoc[slot];
        if (current < 0 || score > bestScore[slot] + TIE || score >= bestScore[slot] - TIE && candidate < current) {
            bestDoc[slot] = candidate;
            bestScore[slot] = score;
        }
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
                if (word.indexOf(TaskLemmas.ALTERNATIVE) < 0) {
                    parent.putIfAbsent(word, word);
                    continue;
                }
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
                canonical.computeIfAbsent(word, w -> root(parent, w.indexOf(TaskLemmas.ALTERNATIVE) < 0 ? w
                        : w.substring(0, w.indexOf(TaskLemmas.ALTERNATIVE))));
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

    /**
     * Each item's weighted words, L2-normalised: term ids ascending, with their weights and the ids' names. Ids
     * go from the most common term to the rarest (then by name), so each item's terms come most common first.
     */
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
            List<String> names = df.entrySet().stream().filter(entry -> entry.getValue() <= maxDf)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            Map<String, Integer> ids = new HashMap<>();
            for (int id = 0; id < names.size(); id++) {
                ids.put(names.get(id), id);
            }
            List<int[]> terms = new ArrayList<>(n);
            List<double[]> weights = new ArrayList<>(n);
            for (Map<String, Integer> tf : tfs) {
                int[] docTerms = tf.keySet().stream().map(ids::get).filter(java.util.Objects::nonNull)
                        .mapToInt(Integer::intValue).sorted().toArray();
                double[] docWeights = new double[docTerms.length];
                double norm = 0;
                for (int k = 0; k < docTerms.length; k++) {
                    String feature = names.get(docTerms[k]);
                    docWeights[k] = (1 + Math.log(tf.get(feature))) * Math.log(1 + (double) n / df.get(feature));
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

    /**
     * For each term, the documents indexing it (their terms from {@code from[document]} on) in increasing order,
     * with the term's weight in each.
     */
    private record Postings(int[][] docs, double[][] weights) {

        static Postings of(Vectors vectors, int[] from) {
            int termCount = vectors.names().size();
            int[] sizes = new int[termCount];
            for (int d = 0; d < vectors.terms().size(); d++) {
                int[] ids = vectors.terms().get(d);
                for (int k = from[d]; k < ids.length; k++) {
                    sizes[ids[k]]++;
                }
            }
            int[][] docs = new int[termCount][];
            double[][] weights = new double[termCount][];
            for (int t = 0; t < termCount; t++) {
                docs[t] = new int[sizes[t]];
                weights[t] = new double[sizes[t]];
            }
            int[] fill = new int[termCount];
            for (int d = 0; d < vectors.terms().size(); d++) {
                int[] ids = vectors.terms().get(d);
                for (int k = from[d]; k < ids.length; k++) {
                    docs[ids[k]][fill[ids[k]]] = d;
                    weights[ids[k]][fill[ids[k]]++] = vectors.weights().get(d)[k];
                }
            }
            return new Postings(docs, weights);
        }
    }
}
