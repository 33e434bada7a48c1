package ru.school500.searchservice.indexing;

import java.util.Map;

/**
 * One Elasticsearch document to write: its id, the version of the source aggregate it came from (written
 * with external versioning, so an older version never overwrites a newer one) and its source.
 */
public record IndexedDoc(IndexKind kind, String id, long version, Map<String, Object> source) {

    /** A deleted record stays as a tombstone carrying its version and no readers: nobody sees it. */
    public static IndexedDoc tombstone(IndexKind kind, String id, long version, String type, String sourceId) {
        java.util.Map<String, Object> source = new java.util.LinkedHashMap<>();
        source.put("id", id);
        source.put("type", type);
        source.put("deleted", true);
        source.put("readers", java.util.List.of());
        source.put("sourceId", sourceId);
        source.put("sourceVersion", version);
        if (kind == IndexKind.ROADMAPS) {
            source.put("roadmapId", sourceId);
        }
        return new IndexedDoc(kind, id, version, source);
    }
}
