package ru.school500.searchservice.indexing;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a source service's change feed (contract in {@code docs/conventions.md}): the aggregate
 * type and id, its version, UPSERT or DELETE, and the whole aggregate as the search needs it.
 */
public record FeedChange(long position, String type, String id, long version, String operation, JsonNode payload) {

    public boolean isDelete() {
        return "DELETE".equals(operation);
    }
}
