package ru.school500.searchservice.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void theIdealOrderScoresOneAndASwapScoresLess() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 1);
        assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), grades, 10)).isEqualTo(1.0);
        // (1 + 7/log2(3)) / (7 + 1/log2(3))
        assertThat(RankingMetrics.ndcg(List.of("b", "a"), grades, 10)).isCloseTo(0.7098, within(1e-4));
        assertThat(RankingMetrics.ndcg(List.of("x", "y"), grades, 10)).isZero();
    }

    @Test
    void aDocumentBelowTheCutOffCountsForNothing() {
        Map<String, Integer> grades = Map.of("a", 3);
        assertThat(RankingMetrics.ndcg(List.of("x", "a"), grades, 1)).isZero();
        assertThat(RankingMetrics.recall(List.of("x", "a"), grades, 1)).isZero();
        assertThat(RankingMetrics.recall(List.of("x", "a"), grades, 2)).isEqualTo(1.0);
    }

    @Test
    void recallIsTheShareOfJudgedRelevantDocumentsFound() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 1, "d", 0);
        assertThat(RankingMetrics.recall(List.of("a", "d", "c"), grades, 20)).isCloseTo(2.0 / 3, within(1e-9));
    }
}
