package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.query.Labels;
import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.visibility.Readers;
import ru.school500.searchservice.web.Problems;

/**
 * Puts roadmaps side by side from the search index alone: one request for the roadmaps, one for all their
 * items with the taxonomy's rules as named queries, one for the overrides, and the items' lemmas (analysed once
 * per distinct text and kept, {@link TaskLemmas}) for the category model and the similar items, both computed in
 * memory — whatever the number of roadmaps, no call per item or per region.
 */
@Service
public class ComparisonService {

    static final int MAX_ROADMAPS = 100;
    static final int MAX_ITEMS = 10_000;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;
    private final Labels labels;
    private final Taxonomy taxonomy;
    private final CoverageRubric rubric;
    private final ClassificationOverrides overrides;
    private final SimilarItems similarItems;
    private final TaskLemmas lemmas;
    private final ItemCategoryModel categoryModel;
    private final ComparisonProperties.Classifier classifier;

    ComparisonService(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names, Labels labels,
            Taxonomy taxonomy, CoverageRubric rubric, ClassificationOverrides overrides, SimilarItems similarItems,
            TaskLemmas lemmas, ItemCategoryModel categoryModel, ComparisonProperties properties) {
        this.client = client;
        this.guard = guard;
        this.names = names;
        this.labels = labels;
        this.taxonomy = taxonomy;
        this.rubric = rubric;
        this.overrides = overrides;
        this.similarItems = similarItems;
        this.lemmas = lemmas;
        this.categoryModel = categoryModel;
        this.classifier = properties.classifier();
    }

    /** @param overdueOn the caller's date for overdue items; {@code null}: each roadmap's own period end */
    public Comparison compare(List<String> roadmapIds, LocalDate overdueOn, CurrentUser user) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(roadmapIds));
        List<ComparedRoadmap> roadmaps = permittedRoadmaps(ids, user);
        List<ComparedItem> ruled = classifiedItems(ids, roadmaps);
        Map<String, List<String>> taskLemmas = lemmas.of(ruled.stream().map(ComparisonService::taskText).toList());
        List<ComparedItem> items = withModel(ruled, taskLemmas);
        List<SimilarPair> similar = similarItems.across(roadmaps, items, taskLemmas);
        return Comparison.of(taxonomy, rubric, roadmaps, items, overdueOn, LocalDate.now(), similar);
    }

    /** Adds the category model's categories to those of the rules; an analyst's override stays as it is. */
    private List<ComparedItem> withModel(List<ComparedItem> items, Map<String, List<String>> taskLemmas) {
        CategoryModel model = categoryModel.model();
        List<ComparedItem> classified = new ArrayList<>(items.size());
        for (ComparedItem item : items) {
            boolean overridden = item.evidence().stream().anyMatch(e -> "override".equals(e.source()));
            List<ComparedItem.Evidence> added = overridden ? List.of() : ModelCategories.added(item.categories(),
                    model.predict(TaskLemmas.lemmas(taskLemmas.getOrDefault(taskText(item), List.of()))), classifier);
            if (added.isEmpty()) {
                classified.add(item);
                continue;
            }
            List<String> categories = new ArrayList<>(item.categories());
            List<ComparedItem.Evidence> evidence = new ArrayList<>(item.evidence());
            added.forEach(e -> {
                categories.add(e.category());
                evidence.add(e);
            });
            classified.add(new ComparedItem(item.id(), item.roadmapId(), item.region(), item.number(),
                    item.sectionTitle(), item.task(), item.deadlineText(), item.deadlineKind(), item.periods(),
                    item.executors(), item.indicatorText(), item.progress(), categories, evidence));
        }
        return classified;
    }

    private static String taskText(ComparedItem item) {
        return item.task() == null ? "" : item.task();
    }

    private List<ComparedRoadmap> permittedRoadmaps(List<String> ids, CurrentUser user) {
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
        }
        return roadmaps;
    }

    private List<ComparedItem> classifiedItems(List<String> roadmapIds, List<ComparedRoadmap> roadmaps) {
        Set<String> progressHidden = new HashSet<>();
        roadmaps.stream().filter(roadmap -> !roadmap.progressVisible()).forEach(roadmap -> progressHidden.add(roadmap.id()));
        List<FieldValue> ids = roadmapIds.stream().map(FieldValue::of).toList();
        SearchResponse<JsonNode> response = guard.call(() -> client.search(s -> s
                .index(names.alias(IndexKind.ROADMAPS)).size(MAX_ITEMS).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes("id", "roadmapId", "region", "year", "level", "itemNumber",
                        "task", "details")))
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("kind").value("ROADMAP_ITEM")))
                        .filter(f -> f.terms(t -> t.field("roadmapId").terms(v -> v.value(ids))))
                        .filter(f -> f.term(t -> t.field("deleted").value(false)))
                        .should(ItemClassifier.namedRules(taxonomy))))
                .sort(o -> o.field(f -> f.field("roadmapId").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc))), JsonNode.class));
        if (response.hits().total() != null && response.hits().total().value() > MAX_ITEMS) {
            throw Problems.badRequest("Слишком много мероприятий для одного сравнения (больше " + MAX_ITEMS
                    + "): выберите меньше дорожных карт.");
        }
        List<Hit<JsonNode>> hits = response.hits().hits();
        Map<String, ClassificationOverrides.Override> byKey = guard.call(() -> overrides.forRegions(hits.stream()
                .map(hit -> hit.source().path("region").asString(null)).filter(r -> r != null).distinct().toList()));
        List<ComparedItem> items = new ArrayList<>(hits.size());
        for (Hit<JsonNode> hit : hits) {
            items.add(item(hit, byKey, progressHidden.contains(hit.source().path("roadmapId").asString())));
        }
        return items;
    }

    private static ComparedItem item(Hit<JsonNode> hit, Map<String, ClassificationOverrides.Override> overrides,
            boolean progressHidden) {
        JsonNode source = hit.source();
        JsonNode details = source.path("details");
        List<ComparedItem.Evidence> evidence = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        ClassificationOverrides.Override override = overrides.get(ClassificationOverrides.key(source));
        if (override != null) {
            for (String category : override.categories()) {
                categories.add(category);
                evidence.add(new ComparedItem.Evidence(category, override.updatedBy(), "override"));
            }
        } else {
            for (String matched : hit.matchedQueries()) {
                ComparedItem.Evidence rule = ItemClassifier.evidence(matched);
                categories.add(rule.category());
                evidence.add(rule);
            }
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
        for (JsonNode report : progressHidden ? MissingNode.getInstance() : details.path("progress")) {
            progress.add(new ComparedItem.Progress(date(report.path("stage")), report.path("status").asString(null)));
        }
        return new ComparedItem(hit.id(), source.path("roadmapId").asString(), source.path("region").asString(null),
                source.path("itemNumber").asString(null), details.path("sectionTitle").asString(null),
                source.path("task").asString(null), deadline.path("text").asString(null),
                deadline.path("kind").asString(null), periods, executors, details.path("indicatorText").asString(null),
                progress, List.copyOf(categories), evidence);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asString()));
        return texts;
    }

    private static LocalDate date(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.asString().isBlank()) {
            return null;
        }
        return LocalDate.parse(value.asString().substring(0, 10));
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
