package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.web.Problems;

/**
 * Each roadmap's items as every comparison needs them, whatever else is compared and whoever asks: read from the
 * index with the taxonomy's rules as named queries, their lemmas ({@link TaskLemmas}) and the categories the model
 * adds ({@link ItemCategoryModel}). Kept per roadmap id and version — the version the feed indexed, carried by the
 * roadmap record and each of its items — so a new version of a roadmap is prepared again and an unchanged one never;
 * {@link LemmaWarmUp} prepares a roadmap when the feed delivers it. What depends on the caller or on the moment —
 * the analysts' overrides, whether the caller sees progress — is applied per comparison ({@link ComparisonService}).
 */
@Component
class PreparedItems {

    /** Roadmap versions kept: every region's current roadmap several times over. */
    static final int CACHE_SIZE = 500;
    /**
     * Roadmaps read per request when not prepared yet: about a thousand items with the rules' named queries, well
     * within the Elasticsearch guard's time limit, where all items of 85 regions at once are not.
     */
    static final int ROADMAPS_PER_READ = 10;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;
    private final Taxonomy taxonomy;
    private final TaskLemmas lemmas;
    private final ItemCategoryModel categoryModel;
    private final ComparisonProperties.Classifier classifier;
    private final Map<String, Prepared> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    PreparedItems(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names, Taxonomy taxonomy,
            TaskLemmas lemmas, ItemCategoryModel categoryModel, ComparisonProperties properties) {
        this.client = client;
        this.guard = guard;
        this.names = names;
        this.taxonomy = taxonomy;
        this.lemmas = lemmas;
        this.categoryModel = categoryModel;
        this.classifier = properties.classifier();
    }

    /**
     * An item classified by the rules and the model, before any override.
     *
     * @param overrideKey the key of an analyst's override for it ({@link ClassificationOverrides#key})
     * @param lemmas      its task's words as {@link TaskLemmas} gives them
     */
    record Item(ComparedItem automatic, String overrideKey, List<String> lemmas) {
    }

    private record Prepared(long version, List<Item> items) {
    }

    /**
     * The items of each roadmap (ids with the indexed version), in the roadmap's order; at most {@code maxItems}
     * in all, beyond that 400.
     */
    Map<String, List<Item>> of(Map<String, Long> versions, int maxItems) {
        Map<String, List<Item>> items = new HashMap<>();
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Long> roadmap : versions.entrySet()) {
            Prepared prepared = cache.get(roadmap.getKey());
            if (prepared != null && roadmap.getValue() != null && prepared.version() == roadmap.getValue()) {
                items.put(roadmap.getKey(), prepared.items());
                count += prepared.items().size();
            } else {
                missing.add(roadmap.getKey());
            }
        }
        for (int from = 0; from < missing.size(); from += ROADMAPS_PER_READ) {
            if (count > maxItems) {
                break;
            }
            Map<String, List<Item>> read = read(missing.subList(from, Math.min(missing.size(), from + ROADMAPS_PER_READ)),
                    versions, maxItems - count, maxItems);
            items.putAll(read);
            count += read.values().stream().mapToInt(List::size).sum();
        }
        if (count > maxItems) {
            throw tooMany(maxItems);
        }
        return items;
    }

    /** Whether every roadmap is prepared at exactly this version, so that what was compared can be kept. */
    boolean allPrepared(Map<String, Long> versions) {
        return versions.entrySet().stream().allMatch(roadmap -> {
            Prepared prepared = cache.get(roadmap.getKey());
            return prepared != null && roadmap.getValue() != null && prepared.version() == roadmap.getValue();
        });
    }

    /** Prepares the roadmaps the feed has just indexed, so their first comparison finds them ready. */
    void prepare(Map<String, Long> versions) {
        of(versions, ComparisonService.MAX_ITEMS);
    }

    private static RuntimeException tooMany(int maxItems) {
        return Problems.badRequest("Слишком много мероприятий для одного сравнения (больше " + maxItems
                + "): выберите меньше дорожных карт.");
    }

    private Map<String, List<Item>> read(List<String> roadmapIds, Map<String, Long> versions, int left, int maxItems) {
        List<FieldValue> ids = roadmapIds.stream().map(FieldValue::of).toList();
        SearchResponse<JsonNode> response = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(Math.max(0, left)).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes("id", "roadmapId", "region", "year", "level", "itemNumber",
                        "task", "details", "sourceVersion")))
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("kind").value("ROADMAP_ITEM")))
                        .filter(f -> f.terms(t -> t.field("roadmapId").terms(v -> v.value(ids))))
                        .filter(f -> f.term(t -> t.field("deleted").value(false)))
                        .should(ItemClassifier.namedRules(taxonomy))))
                .sort(o -> o.field(f -> f.field("roadmapId").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc))), JsonNode.class));
        if (response.hits().total() != null && response.hits().total().value() > left) {
            throw tooMany(maxItems);
        }
        List<Hit<JsonNode>> hits = response.hits().hits();
        Map<String, List<String>> taskLemmas = lemmas.of(hits.stream().map(hit -> task(hit.source())).toList());
        CategoryModel model = categoryModel.model();
        Map<String, List<Item>> items = new LinkedHashMap<>();
        roadmapIds.forEach(id -> items.put(id, new ArrayList<>()));
        Set<String> complete = new LinkedHashSet<>(roadmapIds);
        for (Hit<JsonNode> hit : hits) {
            JsonNode source = hit.source();
            String roadmapId = source.path("roadmapId").asString();
            Long version = versions.get(roadmapId);
            if (version == null || source.path("sourceVersion").asLong(-1) != version) {
                // indexed while being read: used as read, kept for no later comparison
                complete.remove(roadmapId);
            }
            List<String> words = taskLemmas.getOrDefault(task(source), List.of());
            items.computeIfAbsent(roadmapId, id -> new ArrayList<>())
                    .add(new Item(automatic(hit, model, words), ClassificationOverrides.key(source), words));
        }
        items.replaceAll((id, list) -> List.copyOf(list));
        // Elasticsearch may refresh in the middle of the feed's bulk write: the roadmap and a part of its items are
        // then visible at their new version, and such a roadmap is compared as read but not kept
        Map<String, Long> itemCounts = itemCounts(roadmapIds);
        complete.removeIf(id -> !Long.valueOf(items.get(id).size()).equals(itemCounts.get(id)));
        for (String id : complete) {
            cache.put(id, new Prepared(versions.get(id), items.get(id)));
        }
        return items;
    }

    /** The number of items each roadmap record says it has, at the version indexed. */
    private Map<String, Long> itemCounts(List<String> roadmapIds) {
        SearchResponse<JsonNode> response = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(roadmapIds.size())
                .source(src -> src.filter(f -> f.includes("details.itemCount")))
                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(roadmapIds)))
                        .filter(f -> f.term(t -> t.field("kind").value("ROADMAP"))))), JsonNode.class));
        Map<String, Long> counts = new HashMap<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            JsonNode count = hit.source().path("details").path("itemCount");
            if (count.isNumber()) {
                counts.put(hit.id(), count.asLong());
            }
        }
        return counts;
    }

    private static String task(JsonNode source) {
        return source.path("task").asString("");
    }

    /** The item with the rules' categories (matched named queries) and those the model adds. */
    private ComparedItem automatic(Hit<JsonNode> hit, CategoryModel model, List<String> words) {
        JsonNode source = hit.source();
        JsonNode details = source.path("details");
        List<ComparedItem.Evidence> evidence = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        for (String matched : hit.matchedQueries()) {
            ComparedItem.Evidence rule = ItemClassifier.evidence(matched);
            categories.add(rule.category());
            evidence.add(rule);
        }
        for (ComparedItem.Evidence added : ModelCategories.added(categories, model.predict(TaskLemmas.lemmas(words)),
                classifier)) {
            categories.add(added.category());
            evidence.add(added);
        }
        JsonNode deadline = details.path("deadline");
        List<ComparedItem.Period> periods = new ArrayList<>();
        for (JsonNode period : deadline.path("periods")) {
            periods.add(new ComparedItem.Period(date(period.path("start")), date(period.path("end"))));
        }
        List<ComparedItem.Executor> executors = new ArrayList<>();
        for (JsonNode executor : details.path("executors")) {
            executors.add(new ComparedItem.Executor(executor.path("fullName").asString(null),
                    executor.path("shortName").asString(null), executor.path("type").asString("OTHER")));
        }
        List<ComparedItem.Progress> progress = new ArrayList<>();
        for (JsonNode report : details.path("progress")) {
            progress.add(new ComparedItem.Progress(date(report.path("stage")), report.path("status").asString(null)));
        }
        return new ComparedItem(hit.id(), source.path("roadmapId").asString(), source.path("region").asString(null),
                source.path("itemNumber").asString(null), details.path("sectionTitle").asString(null),
                source.path("task").asString(null), deadline.path("text").asString(null),
                deadline.path("kind").asString(null), periods, executors, details.path("indicatorText").asString(null),
                progress, List.copyOf(categories), evidence);
    }

    private static LocalDate date(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.asString().isBlank()) {
            return null;
        }
        return LocalDate.parse(value.asString().substring(0, 10));
    }
}
