package ru.school500.roadmapservice.roadmap;

/**
 * DRAFT → APPROVED → SUPERSEDED. An approved roadmap is never edited in place: a new edition is drafted
 * from it and approving that edition supersedes it.
 */
public enum RoadmapStatus {
    DRAFT, APPROVED, SUPERSEDED
}
