package ru.school500.searchservice.relevance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The two measures Elasticsearch's {@code _rank_eval} computes, over graded judgments (absent = 0):
 * nDCG@k with gain 2^grade − 1 and discount log2(rank + 1), normalised by the ideal ordering of all judged
 * documents; recall@k, the share of the documents graded ≥ 1 that appear in the first k.
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).distinct().filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
