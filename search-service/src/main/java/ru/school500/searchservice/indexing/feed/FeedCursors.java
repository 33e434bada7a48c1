package ru.school500.searchservice.indexing.feed;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.JsonData;

import ru.school500.searchservice.indexing.IndexNames;

/**
 * The position up to which each feed is indexed, kept in Elasticsearch next to the indices it describes
 * (the service owns no database): if the index is lost, so is the cursor, and the feed is replayed.
 */
@Component
class FeedCursors {

    private final ElasticsearchClient client;
    private final IndexNames names;

    FeedCursors(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    long load(String feed) throws IOException {
        GetResponse<JsonData> cursor = client.get(g -> g.index(names.state()).id(id(feed)), JsonData.class);
        if (!cursor.found() || cursor.source() == null) {
            return 0;
        }
        return cursor.source().toJson().asJsonObject().getJsonNumber("position").longValue();
    }

    void save(String feed, long position) throws IOException {
        client.index(i -> i.index(names.state()).id(id(feed))
                .document(Map.of("position", position, "updatedAt", Instant.now().toString())));
    }

    private static String id(String feed) {
        return "cursor-" + feed;
    }
}
