package ru.school500.searchservice.indexing;

import java.util.List;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * Reads a bulk answer: a version conflict means the index already holds this or a newer version of the
 * record (a replayed change), which is success for an idempotent indexer; anything else is a failure that
 * must stop the cursor from moving.
 */
final class BulkFailures {

    private BulkFailures() {
    }

    static void throwIfAny(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        List<String> failures = response.items().stream()
                .filter(item -> item.error() != null && !isVersionConflict(item))
                .map(item -> item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason())
                .toList();
        if (!failures.isEmpty()) {
            throw new IndexingFailedException("bulk write failed for " + failures.size() + " records, first: "
                    + failures.getFirst());
        }
    }

    private static boolean isVersionConflict(BulkResponseItem item) {
        return item.status() == 409 || "version_conflict_engine_exception".equals(item.error().type());
    }

    static final class IndexingFailedException extends RuntimeException {
        IndexingFailedException(String message) {
            super(message);
        }
    }
}
