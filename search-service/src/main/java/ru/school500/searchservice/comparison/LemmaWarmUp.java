package ru.school500.searchservice.comparison;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.school500.searchservice.indexing.RoadmapItemsIndexed;

/**
 * Analyses the texts of newly indexed roadmap items as they arrive from the feed, so that a comparison finds their
 * lemmas ready ({@link TaskLemmas}). Best effort: a failure here only leaves the work to the first comparison and
 * never holds up indexing.
 */
@Component
class LemmaWarmUp {

    private static final Logger log = LoggerFactory.getLogger(LemmaWarmUp.class);

    private final TaskLemmas lemmas;

    LemmaWarmUp(TaskLemmas lemmas) {
        this.lemmas = lemmas;
    }

    @EventListener
    void itemsIndexed(RoadmapItemsIndexed event) {
        try {
            lemmas.of(event.tasks());
        } catch (RuntimeException e) {
            log.debug("roadmap item lemmas not prepared, the next comparison analyses them: {}", e.toString());
        }
    }
}
