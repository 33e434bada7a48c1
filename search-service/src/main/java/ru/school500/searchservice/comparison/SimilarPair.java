package ru.school500.searchservice.comparison;

import java.util.List;

/**
 * Two items of different regions that mean the same thing, left from the roadmap earlier in the comparison.
 *
 * @param score       cosine of the two items' weighted lemmas, 0–1; a pair is reported from the configured threshold
 * @param sharedTerms the lemmas the items share, those that weigh most in the score first
 * @param explanation why the pair was made, in Russian
 */
public record SimilarPair(String leftItemId, String leftRoadmapId, String leftNumber, String leftTask,
        String rightItemId, String rightRoadmapId, String rightNumber, String rightTask, double score,
        List<String> sharedTerms, String explanation) {

    public SimilarPair {
        sharedTerms = sharedTerms == null ? List.of() : List.copyOf(sharedTerms);
    }

    public SimilarPair(String leftItemId, String leftRoadmapId, String leftNumber, String leftTask,
            String rightItemId, String rightRoadmapId, String rightNumber, String rightTask, double score) {
        this(leftItemId, leftRoadmapId, leftNumber, leftTask, rightItemId, rightRoadmapId, rightNumber, rightTask,
                score, List.of(), null);
    }
}
