package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.query.Labels;
import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.visibility.Readers;
import ru.school500.searchservice.web.Problems;

/**
 * Puts roadmaps side by side from the search index alone: one request for the roadmaps (who may read them, and
 * which version is indexed), their items prepared once per roadmap version ({@link PreparedItems}: the rules'
 * and the model's categories, the lemmas; one request for those not prepared yet), one for the overrides; the
 * similar items and the views computed in memory — whatever the number of roadmaps, no call per item or region.
 * The last comparisons are kept by everything they depend on (roadmap versions, overrides, who sees progress, the
 * dates), and the similar pairs by the roadmap versions alone, so a repeated comparison of 85 regions costs two
 * small queries; the first one of a new set of roadmaps computes the pairs and the views.
 */
@Service
public class ComparisonService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ComparisonService.class);

    static final int MAX_ROADMAPS = 100;
    static final int MAX_ITEMS = 10_000;
    /** Comparisons kept whole: the views an analyst reloads, shares or drills into. */
    static final int RECENT_COMPARISONS = 8;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;
    private final Labels labels;
    private final Taxonomy taxonomy;
    private final CoverageRubric rubric;
    private final ClassificationOverrides overrides;
    private final SimilarItems similarItems;
    private final PreparedItems preparedItems;
    private final RecentResults<ComparisonKey, Comparison> recentComparisons = new RecentResults<>(RECENT_COMPARISONS);
    private final RecentResults<List<String>, List<SimilarPair>> recentPairs = new RecentResults<>(2 * RECENT_COMPARISONS);

    ComparisonService(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names, Labels labels,
            Taxonomy taxonomy, CoverageRubric rubric, ClassificationOverrides overrides, SimilarItems similarItems,
            PreparedItems preparedItems) {
        this.client = client;
        this.guard = guard;
        this.names = names;
        this.labels = labels;
        this.taxonomy = taxonomy;
        this.rubric = rubric;
        this.overrides = overrides;
        this.similarItems = similarItems;
        this.preparedItems = preparedItems;
    }

    /** @param overdueOn the caller's date for overdue items; {@code null}: each roadmap's own period end */
    public Comparison compare(List<String> roadmapIds, LocalDate overdueOn, CurrentUser user) {
        long started = System.nanoTime();
        List<String> ids = List.copyOf(new LinkedHashSet<>(roadmapIds));
        Map<String, Long> versions = new HashMap<>();
        List<ComparedRoadmap> roadmaps = permittedRoadmaps(ids, user, versions);
        Map<String, ClassificationOverrides.Override> byKey = overridesOf(roadmaps);
        List<String> roadmapVersions = roadmaps.stream().map(roadmap -> roadmap.id() + "@" + versions.get(roadmap.id()))
                .toList();
        ComparisonKey key = new ComparisonKey(roadmapVersions, roadmaps, Map.copyOf(byKey), overdueOn, LocalDate.now());
        Comparison recent = recentComparisons.get(key);
        if (recent != null) {
            return recent;
        }
        Map<String, List<PreparedItems.Item>> prepared = preparedItems.of(versions, MAX_ITEMS);
        // a roadmap re-indexed while it was read is compared as read, but nothing of it is kept
        boolean keep = preparedItems.allPrepared(versions);
        Map<String, List<String>> taskLemmas = new HashMap<>();
        List<ComparedItem> items = inIdOrder(roadmaps, prepared, taskLemmas,
                (roadmap, item) -> forCaller(item, byKey.get(item.overrideKey()), roadmap.progressVisible()));
        long itemsReady = System.nanoTime();
        List<SimilarPair> similar = SimilarItems.oriented(pairs(roadmaps, items, taskLemmas, roadmapVersions, keep),
                roadmaps.stream().map(ComparedRoadmap::id).toList());
        long paired = System.nanoTime();
        Comparison comparison = Comparison.of(taxonomy, rubric, roadmaps, items, overdueOn, key.today(), similar);
        if (keep) {
            recentComparisons.put(key, comparison);
        }
        if (log.isDebugEnabled()) {
            log.debug("compared {} roadmaps, {} items: items {} ms, similar {} ms, views {} ms", roadmaps.size(),
                    items.size(), (itemsReady - started) / 1_000_000, (paired - itemsReady) / 1_000_000,
                    (System.nanoTime() - paired) / 1_000_000);
        }
        return comparison;
    }

    /**
     * The items of all roadmaps in the order of the roadmaps' ids, each roadmap's in its own order, as {@code view}
     * shows them; {@code taskLemmas} receives each task's lemmas.
     */
    private static List<ComparedItem> inIdOrder(List<ComparedRoadmap> roadmaps,
            Map<String, List<PreparedItems.Item>> prepared, Map<String, List<String>> taskLemmas,
            java.util.function.BiFunction<ComparedRoadmap, PreparedItems.Item, ComparedItem> view) {
        List<ComparedItem> items = new ArrayList<>();
        for (ComparedRoadmap roadmap : roadmaps.stream().sorted(java.util.Comparator.comparing(ComparedRoadmap::id)).toList()) {
            for (PreparedItems.Item item : prepared.getOrDefault(roadmap.id(), List.of())) {
                items.add(view.apply(roadmap, item));
                taskLemmas.putIfAbsent(taskText(item.automatic()), item.lemmas());
            }
        }
        return items;
    }

    /**
     * The similar pairs of a set of roadmaps, whatever order they were asked in: computed with the roadmaps in the
     * order of their ids and kept by their versions alone (not by overrides, visibility or dates), so that the pairs
     * {@link ComparisonWarmUp} computes when the feed delivers roadmaps serve every later comparison of that set.
     * The caller's order is applied by {@link SimilarItems#oriented}.
     */
    private List<SimilarPair> pairs(List<ComparedRoadmap> roadmaps, List<ComparedItem> items,
            Map<String, List<String>> taskLemmas, List<String> roadmapVersions, boolean keep) {
        List<String> key = roadmapVersions.stream().sorted().toList();
        List<SimilarPair> pairs = recentPairs.get(key);
        if (pairs == null) {
            pairs = similarItems.across(roadmaps.stream().sorted(java.util.Comparator.comparing(ComparedRoadmap::id))
                    .toList(), items, taskLemmas);
            if (keep) {
                recentPairs.put(key, pairs);
            }
        }
        return pairs;
    }

    /** Whether the pairs of exactly these roadmap versions ({@code id@version}) are computed and kept. */
    boolean pairsKept(List<String> roadmapVersions) {
        return recentPairs.get(roadmapVersions.stream().sorted().toList()) != null;
    }

    /**
     * Computes and keeps the similar pairs of the current roadmap of every region (its newest approved regional
     * roadmap, which every caller may read), the comparison of all regions that a federal analyst opens first. Returns the versions compared, empty when fewer than two regions
     * have one.
     */
    List<String> warmCurrentRoadmaps() {
        SearchResponse<JsonNode> found = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(MAX_ROADMAPS)
                .source(src -> src.filter(f -> f.includes("region", "sourceVersion")))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("kind").value("ROADMAP")))
                        .filter(f -> f.term(t -> t.field("level").value("REGIONAL")))
                        .filter(f -> f.term(t -> t.field("status").value("APPROVED")))
                        .filter(f -> f.term(t -> t.field("deleted").value(false)))
                        .filter(f -> f.exists(e -> e.field("region")))))
                // a region's newest approved roadmap: one per region, so never more than one comparison holds
                .collapse(c -> c.field("region"))
                .sort(o -> o.field(f -> f.field("year").order(SortOrder.Desc).missing("_last")))
                .sort(o -> o.field(f -> f.field("sourceVersion").order(SortOrder.Desc))), JsonNode.class));
        Map<String, Long> versions = new HashMap<>();
        List<ComparedRoadmap> roadmaps = new ArrayList<>();
        found.hits().hits().forEach(hit -> {
            JsonNode roadmap = hit.source();
            if (roadmap.hasNonNull("sourceVersion")) {
                versions.put(hit.id(), roadmap.get("sourceVersion").asLong());
                roadmaps.add(new ComparedRoadmap(hit.id(), roadmap.path("region").asString(null), null, null, null,
                        null, null, false));
            }
        });
        if (roadmaps.stream().map(ComparedRoadmap::region).distinct().count() < 2) {
            return List.of();
        }
        Map<String, List<PreparedItems.Item>> prepared = preparedItems.of(versions, MAX_ITEMS);
        boolean keep = preparedItems.allPrepared(versions);
        Map<String, List<String>> taskLemmas = new HashMap<>();
        List<ComparedItem> items = inIdOrder(roadmaps, prepared, taskLemmas, (roadmap, item) -> item.automatic());
        List<String> roadmapVersions = roadmaps.stream().map(roadmap -> roadmap.id() + "@" + versions.get(roadmap.id()))
                .toList();
        pairs(roadmaps, items, taskLemmas, roadmapVersions, keep);
        return keep ? roadmapVersions : List.of();
    }

    /**
     * One roadmap's items as the comparison classified them, with their texts and the evidence: the drill-down of a
     * matrix cell ({@code category}, {@link CategoryMatrix#UNCLASSIFIED} for the items in none) or, without a
     * category, of the whole roadmap. Visibility, overrides and progress exactly as in {@link #compare}.
     */
    public ComparisonItems items(String roadmapId, String category, CurrentUser user) {
        Map<String, Long> versions = new HashMap<>();
        ComparedRoadmap roadmap = permittedRoadmaps(List.of(roadmapId), user, versions).getFirst();
        Map<String, ClassificationOverrides.Override> byKey = overridesOf(List.of(roadmap));
        List<ComparedItem> items = new ArrayList<>();
        for (PreparedItems.Item item : preparedItems.of(versions, MAX_ITEMS).getOrDefault(roadmapId, List.of())) {
            ComparedItem compared = forCaller(item, byKey.get(item.overrideKey()), roadmap.progressVisible());
            if (category == null || (CategoryMatrix.UNCLASSIFIED.equals(category) ? compared.categories().isEmpty()
                    : compared.categories().contains(category))) {
                items.add(compared);
            }
        }
        return new ComparisonItems(roadmap, category, items);
    }

    /**
     * @param category the matrix row drilled into, {@code null} for all the roadmap's items
     * @param items    in the roadmap's order
     */
    public record ComparisonItems(ComparedRoadmap roadmap, String category, List<ComparedItem> items) {
    }

    /** Everything a comparison's result depends on, so that an equal key may reuse it. */
    private record ComparisonKey(List<String> roadmapVersions, List<ComparedRoadmap> roadmaps,
            Map<String, ClassificationOverrides.Override> overrides, LocalDate requested, LocalDate today) {
    }

    private Map<String, ClassificationOverrides.Override> overridesOf(List<ComparedRoadmap> roadmaps) {
        return guard.call(() -> overrides.forRegions(roadmaps.stream()
                .map(ComparedRoadmap::region).filter(r -> r != null).distinct().toList()));
    }

    /** The prepared item with an analyst's override in place of the rules and the model, progress only if seen. */
    private static ComparedItem forCaller(PreparedItems.Item prepared, ClassificationOverrides.Override override,
            boolean progressVisible) {
        ComparedItem item = prepared.automatic();
        if (override == null && progressVisible) {
            return item;
        }
        List<String> categories = item.categories();
        List<ComparedItem.Evidence> evidence = item.evidence();
        if (override != null) {
            categories = List.copyOf(new LinkedHashSet<>(override.categories()));
            evidence = categories.stream()
                    .map(category -> new ComparedItem.Evidence(category, override.updatedBy(), "override")).toList();
        }
        return new ComparedItem(item.id(), item.roadmapId(), item.region(), item.number(), item.sectionTitle(),
                item.task(), item.deadlineText(), item.deadlineKind(), item.periods(), item.executors(),
                item.indicatorText(), progressVisible ? item.progress() : List.of(), categories, evidence);
    }

    private static String taskText(ComparedItem item) {
        return item.task() == null ? "" : item.task();
    }

    private List<ComparedRoadmap> permittedRoadmaps(List<String> ids, CurrentUser user, Map<String, Long> versions) {
        SearchResponse<JsonNode> found = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(ids.size())
                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids)))
                        .filter(f -> f.term(t -> t.field("kind").value("ROADMAP")))
                        .filter(f -> f.term(t -> t.field("deleted").value(false))))), JsonNode.class));
        Map<String, JsonNode> byId = new HashMap<>();
        found.hits().hits().forEach(hit -> byId.put(hit.id(), hit.source()));
        Set<String> tokens = Set.copyOf(Readers.of(user));
        List<ComparedRoadmap> roadmaps = new ArrayList<>();
        for (String id : ids) {
            JsonNode roadmap = byId.get(id);
            // a roadmap the caller may not read answers exactly like one that does not exist
            if (roadmap == null || !Readers.anyOf(tokens, texts(roadmap.path("readers")))) {
                throw Problems.notFound("Дорожная карта " + id + " не найдена.");
            }
            String region = roadmap.path("region").asString(null);
            JsonNode progressReaders = roadmap.path("details").path("progressReaders");
            boolean progressVisible = Readers.anyOf(tokens,
                    progressReaders.isArray() ? texts(progressReaders) : Readers.progress(region));
            roadmaps.add(new ComparedRoadmap(id, region, labels.region(region), roadmap.path("title").asString(null),
                    roadmap.hasNonNull("year") ? roadmap.get("year").asInt() : null,
                    roadmap.path("status").asString(null), roadmap.path("level").asString(null), progressVisible));
            versions.put(id, roadmap.hasNonNull("sourceVersion") ? roadmap.get("sourceVersion").asLong() : null);
        }
        return roadmaps;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asString()));
        return texts;
    }



    /** Sets an item's categories by hand: federal analysts anywhere, regional operators in their region. */
    public ClassificationOverrides.Override override(String itemId, List<String> categories, String comment,
            CurrentUser user) {
        JsonNode item = permittedItem(itemId, user);
        List<String> unknown = categories.stream().filter(code -> taxonomy.category(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw Problems.invalidFields(Map.of("categories", "Неизвестные категории: " + String.join(", ", unknown)));
        }
        return guard.call(() -> overrides.save(item, List.copyOf(new LinkedHashSet<>(categories)), comment,
                user.username()));
    }

    public void removeOverride(String itemId, CurrentUser user) {
        JsonNode item = permittedItem(itemId, user);
        if (!guard.call(() -> overrides.remove(item))) {
            throw Problems.notFound("Для мероприятия " + itemId + " нет ручной классификации.");
        }
    }

    private JsonNode permittedItem(String itemId, CurrentUser user) {
        SearchResponse<JsonNode> found = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(1)
                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(itemId)))
                        .filter(f -> f.term(t -> t.field("kind").value("ROADMAP_ITEM")))
                        .filter(f -> f.term(t -> t.field("deleted").value(false)))
                        .filter(f -> f.terms(t -> t.field("readers").terms(v -> v.value(
                                Readers.of(user).stream().map(FieldValue::of).toList())))))), JsonNode.class));
        if (found.hits().hits().isEmpty()) {
            throw Problems.notFound("Мероприятие " + itemId + " не найдено.");
        }
        JsonNode item = found.hits().hits().getFirst().source();
        boolean federal = user.has(ru.school500.searchservice.security.Role.FEDERAL_ANALYST);
        boolean ownRegionOperator = user.has(ru.school500.searchservice.security.Role.REGIONAL_OPERATOR)
                && user.belongsTo(item.path("region").asString(null));
        if (!federal && !ownRegionOperator) {
            throw Problems.forbidden("Классификацию мероприятий региона меняют его региональный оператор "
                    + "и федеральные аналитики.");
        }
        return item;
    }
}
