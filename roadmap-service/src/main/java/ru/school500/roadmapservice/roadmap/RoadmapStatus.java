package ru.school500.roadmapservice.roadmap;

public enum RoadmapStatus {
    DRAFT, APPROVED, SUPERSEDED
}
