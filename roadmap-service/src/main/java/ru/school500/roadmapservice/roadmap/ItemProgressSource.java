package ru.school500.roadmapservice.roadmap;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reported progress per item of a roadmap, for the roadmap view and its feed payload. Implemented by the
 * progress feature, which depends on this package (not the other way round).
 */
public interface ItemProgressSource {

    /** Item id → marks of every reported stage, oldest first. */
    Map<UUID, List<RoadmapView.ProgressMark>> marksOf(UUID roadmapId);
}
