package ru.school500.searchservice.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.query.SearchResult.FacetValue;
import ru.school500.searchservice.query.SearchResult.SearchHit;
import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.visibility.Readers;
import ru.school500.searchservice.web.Problems;

/**
 * Full-text search over practices, documents and roadmaps. The caller's reader tokens are a filter of the
 * one Elasticsearch query, so totals, facets and highlights only ever count what the caller may see.
 * Relevance: the words as typed with Russian morphology (title weighs most; the fields' search analyzer adds
 * each word's family from {@code reference/word-families.txt}, so no extra round trip), phrases on the exact
 * sub-field, a typo-tolerant variant of the query at a lower weight, and a bonus for titles containing
 * the words in order.
 */
@Service
public class SearchService {

    static final int DEEP_PAGING_LIMIT = 10_000;
    private static final Map<String, String> FACET_FIELDS = Map.of("type", "type", "region", "region",
            "year", "year", "direction", "direction", "level", "level", "riskFactor", "riskFactor");
    private static final List<String> SOURCE_FIELDS = List.of("id", "type", "title", "region", "year", "status",
            "date", "link", "roadmapId", "itemNumber");
    /** A hit whose text has no match shows the text's beginning (the highlighter's no-match fragment). */
    private static final int NO_MATCH_SNIPPET = 200;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;
    private final Labels labels;
    private final JsonMapper json;

    SearchService(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names, Labels labels,
            JsonMapper json) {
        this.client = client;
        this.guard = guard;
        this.names = names;
        this.labels = labels;
        this.json = json;
    }

    SearchResult search(SearchParams params, CurrentUser user) {
        UserQuery query = UserQuery.parse(params.q());
        if (query.hasNoTerms()) {
            return new SearchResult(0, params.page(), params.size(), List.of(), Map.of(), null);
        }
        List<FieldValue> after = params.after() == null ? null : decodeCursor(params.after());
        if (after == null && (long) (params.page() + 1) * params.size() > DEEP_PAGING_LIMIT) {
            throw Problems.badRequest("Страницы дальше " + DEEP_PAGING_LIMIT + "-го результата открываются по курсору: "
                    + "передайте параметр after из поля next предыдущей страницы.");
        }
        SearchRequest request = request(params, query, user, after);
        SearchResponse<JsonNode> response = guard.call(() -> client.search(request, JsonNode.class));
        return result(params, response);
    }

    private SearchRequest request(SearchParams params, UserQuery query, CurrentUser user, List<FieldValue> after) {
        Query visible = Query.of(q -> q.terms(t -> t.field("readers")
                .terms(v -> v.value(Readers.of(user).stream().map(FieldValue::of).toList()))));
        Query text = textQuery(query.strict(), query.typoTolerant());
        Query marked = textQuery(query.strict(), query.typoMarks());
        String positive = query.positiveText();
        String excluded = query.exclusions();
        return SearchRequest.of(s -> {
            s.index(names.searchAll()).ignoreUnavailable(true)
                    .query(q -> q.bool(b -> {
                        b.filter(visible).must(text);
                        filters(params).forEach(b::filter);
                        if (!excluded.isBlank()) {
                            // exclusions hold for the typo-tolerant variant too, on the morphology fields
                            b.mustNot(mn -> mn.simpleQueryString(sq -> sq.query(excluded).fields("title", "text")
                                    .quoteFieldSuffix(".exact").lenient(true)));
                        }
                        if (!positive.isBlank()) {
                            b.should(sh -> sh.matchPhrase(mp -> mp.field("title.exact").query(positive).boost(5f)));
                        }
                        return b;
                    }))
                    .size(params.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                    .sort(sort(params.sort()))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                            .requireFieldMatch(false).highlightQuery(marked)
                            .fields("title", f -> f.numberOfFragments(0))
                            .fields("text", f -> f.fragmentSize(180).numberOfFragments(3).noMatchSize(NO_MATCH_SNIPPET)));
            FACET_FIELDS.forEach((name, field) -> s.aggregations(name, a -> a.terms(t -> t.field(field).size(100))));
            if (after != null) {
                s.searchAfter(after);
            } else {
                s.from(params.page() * params.size());
            }
            return s;
        });
    }

    /**
     * The words with morphology (title weighs most), or else the typo-tolerant variant on the exact sub-fields at a
     * lower weight. The first letter of a fuzzy word must be right: it halves the words a typo is matched against.
     */
    private static Query textQuery(String strict, String typoTolerant) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.simpleQueryString(sq -> sq.query(strict).fields("title^3", "text")
                        .quoteFieldSuffix(".exact").defaultOperator(Operator.And).lenient(true).boost(3f)))
                .should(s -> s.simpleQueryString(sq -> sq.query(typoTolerant).fields("title.exact^2", "text.exact")
                        .defaultOperator(Operator.And).lenient(true).fuzzyPrefixLength(1).boost(0.5f)))
                .minimumShouldMatch("1")));
    }

    private static List<Query> filters(SearchParams params) {
        List<Query> filters = new ArrayList<>();
        addTerms(filters, "type", params.types());
        addTerms(filters, "region", params.regions());
        addTerms(filters, "direction", params.directions());
        addTerms(filters, "level", params.levels());
        addTerms(filters, "riskFactor", params.riskFactors());
        if (!params.years().isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("year")
                    .terms(v -> v.value(params.years().stream().map(year -> FieldValue.of(year.longValue())).toList())))));
        }
        return filters;
    }

    private static void addTerms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field(field)
                    .terms(v -> v.value(values.stream().map(FieldValue::of).toList())))));
        }
    }

    /** Every order ends with the id, so search_after cursors are stable. */
    private static List<SortOptions> sort(SearchParams.SortOrder order) {
        List<SortOptions> sort = new ArrayList<>();
        switch (order) {
            case RELEVANCE -> {
                sort.add(SortOptions.of(o -> o.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
                sort.add(SortOptions.of(o -> o.field(f -> f.field("date").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc).missing("_last"))));
            }
            case DATE -> sort.add(SortOptions.of(o -> o.field(f -> f.field("date")
                    .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc).missing("_last"))));
            case TITLE -> sort.add(SortOptions.of(o -> o.field(f -> f.field("title.sort")
                    .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc).missing("_last"))));
        }
        sort.add(SortOptions.of(o -> o.field(f -> f.field("id").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc))));
        return sort;
    }

    private SearchResult result(SearchParams params, SearchResponse<JsonNode> response) {
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            hits.add(hit(hit));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("type", "region", "year", "direction", "level", "riskFactor")) {
            facets.put(name, facet(name, response.aggregations().get(name)));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String next = null;
        if (hits.size() == params.size() && !response.hits().hits().isEmpty()) {
            next = encodeCursor(response.hits().hits().getLast().sort());
        }
        return new SearchResult(total, params.page(), params.size(), hits, facets, next);
    }

    private SearchHit hit(Hit<JsonNode> hit) {
        JsonNode source = hit.source();
        List<String> snippets = new ArrayList<>(hit.highlight().getOrDefault("text", List.of()));
        String title = text(source, "title");
        List<String> titleMarks = hit.highlight().getOrDefault("title", List.of());
        boolean textMarked = snippets.stream().anyMatch(snippet -> snippet.contains("<em>"));
        if (!textMarked && !titleMarks.isEmpty()) {
            snippets = new ArrayList<>(List.of(titleMarks.getFirst()));
        } else if (!textMarked && snippets.size() == 1 && snippets.getFirst().length() >= NO_MATCH_SNIPPET - 20) {
            snippets.set(0, snippets.getFirst() + "…");
        }
        String region = text(source, "region");
        return new SearchHit(hit.id(), text(source, "type"), title, region, labels.region(region),
                source.hasNonNull("year") ? source.get("year").asInt() : null, text(source, "status"),
                text(source, "date"), String.join(" … ", snippets),
                snippets, text(source, "link"), text(source, "roadmapId"), text(source, "itemNumber"),
                hit.score() == null ? 0 : hit.score());
    }

    private List<FacetValue> facet(String name, Aggregate aggregate) {
        List<FacetValue> values = new ArrayList<>();
        if (aggregate == null) {
            return values;
        }
        if (aggregate.isSterms()) {
            aggregate.sterms().buckets().array().forEach(bucket -> values.add(new FacetValue(
                    bucket.key().stringValue(), labels.label(name, bucket.key().stringValue()), bucket.docCount())));
        } else if (aggregate.isLterms()) {
            aggregate.lterms().buckets().array().forEach(bucket -> values.add(new FacetValue(
                    String.valueOf(bucket.key()), null, bucket.docCount())));
        }
        return values;
    }

    private String encodeCursor(List<FieldValue> values) {
        ArrayNode array = json.createArrayNode();
        for (FieldValue value : values) {
            switch (value._kind()) {
                case Double -> array.add(value.doubleValue());
                case Long -> array.add(value.longValue());
                case Boolean -> array.add(value.booleanValue());
                case Null -> array.addNull();
                case String -> array.add(value.stringValue());
                default -> array.add(value._toJsonString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
    }

    private List<FieldValue> decodeCursor(String cursor) {
        try {
            JsonNode array = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!array.isArray() || array.isEmpty() || array.size() > 4) {
                throw new IllegalArgumentException("not a cursor");
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode value : array) {
                if (value.isIntegralNumber()) {
                    values.add(FieldValue.of(value.asLong()));
                } else if (value.isNumber()) {
                    values.add(FieldValue.of(value.asDouble()));
                } else if (value.isBoolean()) {
                    values.add(FieldValue.of(value.asBoolean()));
                } else if (value.isNull()) {
                    values.add(FieldValue.NULL);
                } else {
                    values.add(FieldValue.of(value.asString()));
                }
            }
            return values;
        } catch (RuntimeException e) {
            throw Problems.badRequest("Параметр after повреждён: возьмите его из поля next предыдущей страницы.");
        }
    }

    private static String text(JsonNode source, String field) {
        JsonNode value = source == null ? null : source.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

}
