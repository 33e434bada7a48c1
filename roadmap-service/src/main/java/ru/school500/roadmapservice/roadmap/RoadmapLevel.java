package ru.school500.roadmapservice.roadmap;

/** Whose roadmap it is: the region's own or one municipality's. */
public enum RoadmapLevel {
    REGIONAL, MUNICIPAL
}
