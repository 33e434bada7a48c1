package ru.school500.searchservice.comparison;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.school500.searchservice.indexing.RoadmapItemsIndexed;

/**
 * Prepares newly indexed roadmaps for the comparison as they arrive from the feed ({@link PreparedItems}: their
 * items' lemmas, the rules' and the model's categories), so that a comparison finds them ready. Runs after the
 * batch is written (its lock released); best effort: a failure here only leaves the work to the first comparison
 * and never fails indexing.
 */
@Component
class LemmaWarmUp {

    private static final Logger log = LoggerFactory.getLogger(LemmaWarmUp.class);

    private final PreparedItems prepared;

    LemmaWarmUp(PreparedItems prepared) {
        this.prepared = prepared;
    }

    @EventListener
    void itemsIndexed(RoadmapItemsIndexed event) {
        try {
            prepared.prepare(event.roadmaps());
        } catch (RuntimeException e) {
            log.debug("roadmap items not prepared, the next comparison prepares them: {}", e.toString());
        }
    }
}
