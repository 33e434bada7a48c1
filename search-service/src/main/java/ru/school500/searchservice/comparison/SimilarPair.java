package ru.school500.searchservice.comparison;

/** Two items of different roadmaps that read alike (more_like_this), left and right as the query ran. */
public record SimilarPair(String leftItemId, String leftRoadmapId, String leftNumber, String leftTask,
        String rightItemId, String rightRoadmapId, String rightNumber, String rightTask, double score) {
}
