package ru.school500.roadmapservice.roadmap;

/** Filters of {@code GET /api/roadmaps}; {@code null} means any. */
public record RoadmapFilter(String region, Integer year, RoadmapStatus status, RoadmapLevel level) {
}
