package ru.school500.roadmapservice.roadmap;

import java.util.UUID;

public record RoadmapSummary(UUID id, String region, String level, String title, Integer year, RoadmapStatus status,
        long version) {

    static RoadmapSummary of(Roadmap roadmap) {
        return new RoadmapSummary(roadmap.getId(), roadmap.getRegion(), roadmap.getLevel(), roadmap.getTitle(),
                roadmap.getYear(), roadmap.getStatus(), roadmap.getVersion());
    }
}
