package ru.school500.searchservice.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Turns a batch of feed changes into the records to write: documents, practices, roadmaps and their items.
 * Roadmap items are records of their own (a search hit, a comparison row), so a roadmap change also asks
 * for a sweep of its items that the new version no longer has.
 */
@Component
public class ChangeTranslator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChangeTranslator.class);

    public Translation translate(List<FeedChange> changes) {
        List<IndexedDoc> docs = new ArrayList<>();
        List<StaleItemSweep> sweeps = new ArrayList<>();
        for (FeedChange change : newestOnly(changes)) {
            try {
                switch (change.type()) {
                    case "ROADMAP" -> {
                        docs.addAll(RoadmapDocuments.translate(change));
                        sweeps.add(new StaleItemSweep(change.id(), change.version()));
                    }
                    case "DOCUMENT" -> docs.add(DocumentDocuments.translate(change));
                    case "PRACTICE" -> docs.add(PracticeDocuments.translate(change));
                    default -> {
                        // a type this version does not index: skipped, the cursor still moves on
                    }
                }
            } catch (RuntimeException malformed) {
                // one unreadable payload must not stop the feed for everything behind it: it is logged with its
                // position for an operator, and the next version of the record will index it again
                log.error("feed change {} at position {} ({} {}) cannot be indexed: {}", change.id(),
                        change.position(), change.type(), change.version(), malformed.toString());
            }
        }
        return new Translation(docs, sweeps);
    }

    /**
     * The newest version of each record in the batch: every older one would be overwritten in the same bulk, or
     * refused as a version conflict. A school that creates, submits and publishes a practice within one poll
     * interval costs one analysis of its text instead of three.
     */
    static List<FeedChange> newestOnly(List<FeedChange> changes) {
        Map<String, FeedChange> newest = new LinkedHashMap<>();
        for (FeedChange change : changes) {
            newest.merge(change.type() + "/" + change.id(), change,
                    (kept, next) -> next.version() >= kept.version() ? next : kept);
        }
        return newest.size() == changes.size() ? changes : List.copyOf(newest.values());
    }

    public record Translation(List<IndexedDoc> docs, List<StaleItemSweep> sweeps) {
    }

    /** Items of this roadmap indexed from a version older than {@code version} are gone: tombstone them. */
    public record StaleItemSweep(String roadmapId, long version) {
    }
}
