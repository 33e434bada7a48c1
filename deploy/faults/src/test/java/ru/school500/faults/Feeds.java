package ru.school500.faults;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What one search-service instance reports about the change feeds ({@code GET /internal/admin/status}, open
 * only to the indexer's service account): whether it holds each feed's lease, its position, what it indexed.
 */
final class Feeds {

    record Status(boolean pulling, long position, long indexedChanges, String lastError) {
    }

    private Feeds() {
    }

    /** Status per feed ({@code roadmap}, {@code document}); empty when the instance does not answer. */
    static Map<String, Status> of(String instanceUrl) {
        Api.Answer answer = Api.get(instanceUrl + "/internal/admin/status", indexerToken());
        if (answer.status() != 200) {
            return Map.of();
        }
        java.util.Map<String, Status> feeds = new java.util.HashMap<>();
        for (var entry : answer.json().properties()) {
            JsonNode feed = entry.getValue();
            feeds.put(entry.getKey(), new Status(feed.path("pulling").asBoolean(), feed.path("position").asLong(),
                    feed.path("indexedChanges").asLong(), feed.path("lastError").isNull() ? null
                            : feed.path("lastError").asString()));
        }
        return feeds;
    }

    private static String cached;
    private static long fetchedAt;

    private static synchronized String indexerToken() {
        if (cached == null || System.currentTimeMillis() - fetchedAt > 120_000) {
            Api.Answer answer = Api.token(Map.of("grant_type", "client_credentials", "client_id", "search-indexer",
                    "client_secret", "search-indexer-secret"));
            if (answer.status() != 200 && cached != null) {
                return cached;
            }
            cached = answer.json().get("access_token").asString();
            fetchedAt = System.currentTimeMillis();
        }
        return cached;
    }
}
