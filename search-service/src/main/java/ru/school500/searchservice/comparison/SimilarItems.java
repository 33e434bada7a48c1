package ru.school500.searchservice.comparison;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;

/**
 * For each item, the most similar item of another region among the compared roadmaps: more_like_this over
 * the lemmatised task texts, all items in one multi-search. A pair found from both sides is reported once.
 */
@Component
class SimilarItems {

    static final int MAX_PAIRS = 200;
    static final String MINIMUM_SHOULD_MATCH = "35%";

    private final ElasticsearchClient client;
    private final IndexNames names;

    SimilarItems(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    List<SimilarPair> across(List<ComparedRoadmap> roadmaps, List<ComparedItem> items) throws IOException {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < roadmaps.size(); i++) {
            order.put(roadmaps.get(i).id(), i);
        }
        List<ComparedItem> askers = items.stream().filter(item -> item.task() != null && !item.task().isBlank())
                .toList();
        if (roadmaps.stream().map(ComparedRoadmap::region).distinct().count() < 2 || askers.isEmpty()) {
            return List.of();
        }
        List<RequestItem> searches = new ArrayList<>(askers.size());
        for (ComparedItem item : askers) {
            List<FieldValue> others = roadmaps.stream().filter(r -> !r.region().equals(item.region()))
                    .map(r -> FieldValue.of(r.id())).toList();
            searches.add(RequestItem.of(r -> r.header(h -> h.index(names.alias(IndexKind.ROADMAPS)))
                    .body(b -> b.size(1).source(src -> src.filter(f -> f.includes("roadmapId", "itemNumber", "task")))
                            .query(q -> q.bool(bool -> bool
                                    .filter(f -> f.term(t -> t.field("kind").value("ROADMAP_ITEM")))
                                    .filter(f -> f.term(t -> t.field("deleted").value(false)))
                                    .filter(f -> f.terms(t -> t.field("roadmapId").terms(v -> v.value(others))))
                                    .must(m -> m.moreLikeThis(mlt -> mlt.fields(ItemClassifier.FIELD)
                                            .like(l -> l.text(item.task())).minTermFreq(1).minDocFreq(1)
                                            .maxQueryTerms(30).minimumShouldMatch(MINIMUM_SHOULD_MATCH))))))));
        }
        MsearchResponse<JsonNode> response = client.msearch(m -> m.searches(searches), JsonNode.class);
        Map<String, ComparedItem> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Map<String, SimilarPair> pairs = new LinkedHashMap<>();
        for (int i = 0; i < askers.size(); i++) {
            MultiSearchResponseItem<JsonNode> answer = response.responses().get(i);
            if (!answer.isResult() || answer.result().hits().hits().isEmpty()) {
                continue;
            }
            Hit<JsonNode> best = answer.result().hits().hits().getFirst();
            ComparedItem asker = askers.get(i);
            ComparedItem match = byId.get(best.id());
            if (match == null) {
                continue;
            }
            boolean askerFirst = order.get(asker.roadmapId()) <= order.get(match.roadmapId());
            ComparedItem left = askerFirst ? asker : match;
            ComparedItem right = askerFirst ? match : asker;
            double score = best.score() == null ? 0 : best.score();
            pairs.merge(left.id() + "|" + right.id(), new SimilarPair(left.id(), left.roadmapId(), left.number(),
                    left.task(), right.id(), right.roadmapId(), right.number(), right.task(), score),
                    (a, b) -> a.score() >= b.score() ? a : b);
        }
        return pairs.values().stream().sorted(Comparator.comparingDouble(SimilarPair::score).reversed())
                .limit(MAX_PAIRS).toList();
    }
}
