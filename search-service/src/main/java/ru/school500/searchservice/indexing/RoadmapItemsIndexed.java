package ru.school500.searchservice.indexing;

import java.util.List;

/**
 * Published after a batch with roadmap items is written: the items' task texts, so that work derived from them
 * (the comparison's lemmas) can be done when the item arrives rather than when it is first compared.
 */
public record RoadmapItemsIndexed(List<String> tasks) {

    public RoadmapItemsIndexed {
        tasks = List.copyOf(tasks);
    }
}
