package ru.school500.searchservice.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.school500.searchservice.indexing.ChangeIndexer;
import ru.school500.searchservice.indexing.FeedChange;
import ru.school500.searchservice.indexing.IndexAdmin;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.SeedRoadmaps;
import ru.school500.searchservice.support.TestServers;

/**
 * Relevance of {@code GET /api/search} on a judged query set ({@code relevance/queries.json}: graded
 * judgments 1–3 over the two fixture roadmaps' items and the practices of {@code relevance/practices.json}),
 * in indices of their own so that no other test's records compete. nDCG@10 and recall@20, averaged over the
 * queries, must not fall below {@code relevance/baseline.json}. Computed here from the service's own answers:
 * the integ-test Elasticsearch has no rank-eval module, so no {@code _rank_eval} (same formulas, see
 * {@link RankingMetrics}); this also measures the query the service builds, not a hand-written one.
 */
@SpringBootTest(properties = "platform.feed.enabled=false")
@AutoConfigureMockMvc
class RelevanceIT {

    private static final String PREFIX = "rel-" + UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SEEDS = Map.of("irk", SeedRoadmaps.IRKUTSK, "kir", SeedRoadmaps.KIROV);
    private static final Map<String, String> REGIONS = Map.of("irk", "38", "kir", "43");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ChangeIndexer indexer;

    @Autowired
    private IndexAdmin admin;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("platform.elasticsearch.url", TestServers::elasticsearchUrl);
        registry.add("platform.elasticsearch.index-prefix", () -> PREFIX);
        registry.add("platform.elasticsearch.socket-timeout", () -> "10s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    @Test
    void theJudgedQueriesRankAtLeastAsWellAsTheBaseline() throws Exception {
        Map<String, String> keyById = indexTestCollection();
        JsonNode baseline = read("relevance/baseline.json");
        List<String> report = new ArrayList<>();
        double ndcg = 0;
        double recall = 0;
        JsonNode queries = read("relevance/queries.json");
        for (JsonNode query : queries) {
            Map<String, Integer> grades = new HashMap<>();
            query.path("relevant").properties().forEach(e -> grades.put(e.getKey(), e.getValue().asInt()));
            assertThat(keyById.values()).as("judged keys exist").containsAll(grades.keySet());
            List<String> ranked = search(query.path("q").asString(), keyById);
            double queryNdcg = RankingMetrics.ndcg(ranked, grades, 10);
            double queryRecall = RankingMetrics.recall(ranked, grades, 20);
            ndcg += queryNdcg;
            recall += queryRecall;
            report.add(String.format(Locale.ROOT, "%-45s nDCG@10 %.3f  recall@20 %.3f  top: %s", query.path("q").asString(),
                    queryNdcg, queryRecall, ranked.stream().limit(5).toList()));
        }
        ndcg /= queries.size();
        recall /= queries.size();
        report.forEach(System.out::println); // in target/failsafe-reports/*-output.txt
        System.out.printf(Locale.ROOT, "RELEVANCE over %d queries: nDCG@10 %.3f, recall@20 %.3f (baseline %.3f, %.3f)%n",
                queries.size(), ndcg, recall, baseline.path("ndcg@10").asDouble(), baseline.path("recall@20").asDouble());

        assertThat(queries.size()).isGreaterThanOrEqualTo(40);
        assertThat(ndcg).as("mean nDCG@10").isGreaterThanOrEqualTo(baseline.path("ndcg@10").asDouble());
        assertThat(recall).as("mean recall@20").isGreaterThanOrEqualTo(baseline.path("recall@20").asDouble());
    }

    /** Indexes the roadmaps and practices with ids derived from their keys (stable tie order); id → key. */
    private Map<String, String> indexTestCollection() throws Exception {
        Map<String, String> keyById = new LinkedHashMap<>();
        List<FeedChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> seed : SEEDS.entrySet()) {
            String prefix = seed.getKey();
            String roadmapId = stableId(prefix + ":roadmap");
            FeedChange roadmap = SeedRoadmaps.approved(seed.getValue(), REGIONS.get(prefix), roadmapId, 1);
            keyById.put(roadmapId, prefix + ":roadmap");
            for (JsonNode section : roadmap.payload().path("sections")) {
                ((ObjectNode) section).put("id", stableId(prefix + ":section:" + section.path("number").asString()));
                for (JsonNode item : section.path("items")) {
                    String key = prefix + ":" + item.path("number").asString();
                    String id = stableId(key);
                    ((ObjectNode) item).put("id", id);
                    keyById.put(id, key);
                }
            }
            changes.add(roadmap);
        }
        for (JsonNode practice : read("relevance/practices.json")) {
            String key = practice.path("key").asString();
            String id = stableId(key);
            keyById.put(id, key);
            String region = practice.path("region").asString();
            changes.add(Changes.practice(id).title(practice.path("title").asString())
                    .description(practice.path("description").asString())
                    .region(region, region + "-01", region + "-01-001").change());
        }
        admin.ensureIndices();
        indexer.apply(changes);
        return keyById;
    }

    private List<String> search(String q, Map<String, String> keyById) throws Exception {
        JsonNode body = JSON.readTree(mvc.perform(get("/api/search").param("q", q).param("size", "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> ranked = new ArrayList<>();
        for (JsonNode hit : body.path("hits")) {
            ranked.add(keyById.getOrDefault(hit.path("id").asString(), "?" + hit.path("id").asString()));
        }
        return ranked;
    }

    private static String stableId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readTree(in);
        }
    }
}
