package ru.school500.searchservice.indexing;

import java.util.List;
import java.util.Map;

/**
 * Published after a batch with roadmap items is written: the items' task texts and the roadmaps they belong to
 * with the version indexed, so that work derived from them (the comparison's lemmas and prepared items) can be
 * done when the item arrives rather than when it is first compared.
 */
public record RoadmapItemsIndexed(List<String> tasks, Map<String, Long> roadmaps) {

    public RoadmapItemsIndexed {
        tasks = List.copyOf(tasks);
        roadmaps = Map.copyOf(roadmaps);
    }
}
