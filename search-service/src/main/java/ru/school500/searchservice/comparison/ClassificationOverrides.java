package ru.school500.searchservice.comparison;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.indexing.IndexNames;

/**
 * Classifications set by hand. They are keyed by region, year, level and item number rather than by item
 * id, because a re-imported order creates new item records: the analyst's decision must survive that.
 */
@Component
class ClassificationOverrides {

    private final ElasticsearchClient client;
    private final IndexNames names;

    ClassificationOverrides(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** The key of an indexed roadmap item ({@code region}, {@code year}, {@code level}, {@code itemNumber}). */
    static String key(JsonNode item) {
        return String.join("|", item.path("region").asString("-"), item.path("year").asString("-"),
                item.path("level").asString("-"), item.path("itemNumber").asString("-"));
    }

    Map<String, Override> forRegions(List<String> regions) throws IOException {
        Map<String, Override> byKey = new HashMap<>();
        if (regions.isEmpty()) {
            return byKey;
        }
        SearchResponse<JsonNode> found = client.search(s -> s.index(names.overrides()).size(10_000)
                .query(q -> q.terms(t -> t.field("region")
                        .terms(v -> v.value(regions.stream().map(FieldValue::of).toList())))), JsonNode.class);
        found.hits().hits().forEach(hit -> byKey.put(hit.id(), Override.from(hit.source())));
        return byKey;
    }

    Override save(JsonNode item, List<String> categories, String comment, String username) throws IOException {
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("region", item.path("region").asString(null));
        override.put("itemNumber", item.path("itemNumber").asString(null));
        override.put("task", item.path("task").asString(null));
        override.put("categories", categories);
        override.put("comment", comment);
        override.put("updatedBy", username);
        override.put("updatedAt", Instant.now().toString());
        client.index(i -> i.index(names.overrides()).id(key(item)).document(override).refresh(Refresh.WaitFor));
        return new Override(categories, comment, username, (String) override.get("updatedAt"));
    }

    boolean remove(JsonNode item) throws IOException {
        return client.delete(d -> d.index(names.overrides()).id(key(item)).refresh(Refresh.WaitFor)).result()
                == co.elastic.clients.elasticsearch._types.Result.Deleted;
    }

    record Override(List<String> categories, String comment, String updatedBy, String updatedAt) {

        static Override from(JsonNode source) {
            List<String> categories = new java.util.ArrayList<>();
            source.path("categories").forEach(category -> categories.add(category.asString()));
            return new Override(categories, source.path("comment").asString(null),
                    source.path("updatedBy").asString(null), source.path("updatedAt").asString(null));
        }
    }
}
