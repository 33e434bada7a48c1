package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.searchservice.indexing.FeedChange;
import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.Eventually;
import ru.school500.searchservice.support.IntegrationTest;
import ru.school500.stack.StackLayout;

/**
 * The real scale of the comparison: 85 regions with a roadmap of 100 items each, built from the tasks of the two
 * seed orders (each item one seed task with a word left out and a few words of another task added), compared in
 * one request by the federal analyst. Asserts the answer's shape and the pairs' integrity; the time is printed, and
 * measured against its target by the benchmark ({@code deploy/bench}), not here.
 */
class ComparisonScaleIT extends IntegrationTest {

    @Autowired
    private ComparisonWarmUp warmUp;
    @Autowired
    private ComparisonService comparisons;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REGIONS = 85;
    private static final int ITEMS = 100;

    private final List<String> roadmaps = new ArrayList<>();
    /** item number «r.k» per roadmap → the seed task it was built from */
    private final Map<String, Integer> origin = new HashMap<>();

    @BeforeEach
    void eightyFiveRoadmaps() throws Exception {
        long started = System.nanoTime();
        List<String> tasks = seedTasks();
        Random random = new Random(500);
        List<FeedChange> batch = new ArrayList<>();
        for (int r = 0; r < REGIONS; r++) {
            String id = Changes.newId();
            roadmaps.add(id);
            String region = String.format(Locale.ROOT, "%02d", r + 1);
            Changes.Item[] items = new Changes.Item[ITEMS];
            for (int k = 0; k < ITEMS; k++) {
                int seed = random.nextInt(tasks.size());
                String number = "1." + (k + 1);
                items[k] = Changes.Item.of(number, variant(tasks.get(seed), tasks.get(random.nextInt(tasks.size())), random));
                origin.put(id + "/" + number, seed);
            }
            batch.add(Changes.roadmap(id).region(region).title("Дорожная карта региона " + region)
                    .section("1", "Мероприятия", items).change());
            // the first six roadmaps in one feed batch (600 items: more than one bulk request), then one by one
            if (r >= 5) {
                index(batch.toArray(FeedChange[]::new));
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "indexed %d roadmaps × %d items in %d ms%n", REGIONS, ITEMS,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void eightyFiveRoadmapsOfAHundredItemsCompareCompletelyWithOneToOnePairs() throws Exception {
        // once the feed went quiet, the pairs of every region's current roadmap were computed ahead of any
        // comparison: the set includes the roadmap indexed last (region 85, which no other test uses)
        String indexedLast = roadmaps.getLast();
        Eventually.within(Duration.ofSeconds(60)).until(() -> warmUp.lastWarmed().stream()
                .anyMatch(version -> version.startsWith(indexedLast + "@")));
        assertThat(warmUp.lastWarmed()).hasSizeGreaterThanOrEqualTo(REGIONS);
        assertThat(comparisons.pairsKept(warmUp.lastWarmed())).isTrue();
        long started = System.nanoTime();
        JsonNode first = compare();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        JsonNode comparison = compare();
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "comparison of %d roadmaps × %d items: first %d ms, again %d ms%n",
                REGIONS, ITEMS, firstMillis, secondMillis);
        assertThat(comparison.path("similar")).isEqualTo(first.path("similar"));
        started = System.nanoTime();
        String summary = answer(get("/api/comparison").param("roadmap", roadmaps.toArray(String[]::new))
                .param("details", "false"));
        System.out.printf(Locale.ROOT, "the same without texts: %d ms, %d KB (all: %d KB)%n",
                (System.nanoTime() - started) / 1_000_000, summary.length() / 1024, comparison.toString().length() / 1024);
        assertThat(summary.length()).isLessThan(comparison.toString().length() / 4);

        List<String> columns = new ArrayList<>();
        comparison.path("roadmaps").forEach(roadmap -> columns.add(roadmap.path("id").asString()));
        assertThat(columns).containsExactlyElementsOf(roadmaps);

        Map<String, JsonNode> items = new HashMap<>();
        Map<String, Integer> perRoadmap = new HashMap<>();
        for (JsonNode item : comparison.path("items")) {
            items.put(item.path("id").asString(), item);
            perRoadmap.merge(item.path("roadmapId").asString(), 1, Integer::sum);
        }
        assertThat(items).hasSize(REGIONS * ITEMS);
        assertThat(perRoadmap).hasSize(REGIONS).allSatisfy((roadmap, count) -> assertThat(count).isEqualTo(ITEMS));

        for (String roadmap : roadmaps) {
            Set<String> numbers = new HashSet<>();
            for (JsonNode row : comparison.at("/categories/rows")) {
                for (JsonNode cell : row.path("cells")) {
                    if (cell.path("roadmapId").asString().equals(roadmap)) {
                        cell.path("itemNumbers").forEach(number -> numbers.add(number.asString()));
                    }
                }
            }
            assertThat(numbers).as("every item of %s in the matrix", roadmap).hasSize(ITEMS);
        }
        // the drill-down of the last roadmap's cells gives each of its items, with the text the full answer has
        String last = roadmaps.getLast();
        Set<String> drilled = new HashSet<>();
        for (JsonNode row : comparison.at("/categories/rows")) {
            for (JsonNode cell : row.path("cells")) {
                if (cell.path("roadmapId").asString().equals(last) && cell.path("count").asInt() > 0) {
                    JsonNode cellItems = JSON.readTree(answer(get("/api/comparison/items").param("roadmap", last)
                            .param("category", row.path("code").asString()))).path("items");
                    assertThat(cellItems).hasSize(cell.path("count").asInt());
                    cellItems.forEach(item -> {
                        assertThat(item.path("task").asString())
                                .isEqualTo(items.get(item.path("id").asString()).path("task").asString());
                        drilled.add(item.path("id").asString());
                    });
                }
            }
        }
        assertThat(drilled).hasSize(ITEMS);
        assertThat(comparison.path("coverage").size()).isEqualTo(REGIONS);
        assertThat(comparison.at("/overdue/roadmaps").size()).isEqualTo(REGIONS);

        JsonNode similar = comparison.path("similar");
        assertThat(similar.size()).isPositive().isLessThanOrEqualTo(ComparisonProperties.Similarity.DEFAULT.maxPairs());
        Set<String> itemAndOtherRegion = new HashSet<>();
        double previous = Double.MAX_VALUE;
        int sameOrigin = 0;
        for (JsonNode pair : similar) {
            JsonNode left = items.get(pair.path("leftItemId").asString());
            JsonNode right = items.get(pair.path("rightItemId").asString());
            assertThat(left).as("left item of %s", pair).isNotNull();
            assertThat(right).as("right item of %s", pair).isNotNull();
            assertThat(left.path("roadmapId").asString()).isEqualTo(pair.path("leftRoadmapId").asString());
            assertThat(right.path("roadmapId").asString()).isEqualTo(pair.path("rightRoadmapId").asString());
            assertThat(left.path("task").asString()).isEqualTo(pair.path("leftTask").asString());
            assertThat(right.path("task").asString()).isEqualTo(pair.path("rightTask").asString());
            assertThat(left.path("region").asString()).isNotEqualTo(right.path("region").asString());
            assertThat(roadmaps.indexOf(left.path("roadmapId").asString()))
                    .isLessThan(roadmaps.indexOf(right.path("roadmapId").asString()));
            // one-to-one: an item is in at most one pair with the items of any one other region
            assertThat(itemAndOtherRegion.add(left.path("id").asString() + "→" + right.path("region").asString()))
                    .as("%s paired twice with region %s", left.path("id"), right.path("region")).isTrue();
            assertThat(itemAndOtherRegion.add(right.path("id").asString() + "→" + left.path("region").asString()))
                    .as("%s paired twice with region %s", right.path("id"), left.path("region")).isTrue();
            double score = pair.path("score").asDouble();
            assertThat(score).isBetween(0.2, 1.0).isLessThanOrEqualTo(previous);
            previous = score;
            assertThat(pair.path("sharedTerms").size()).isBetween(2, LemmaSimilarity.EXPLAINING_TERMS);
            assertThat(pair.path("explanation").asString()).startsWith("Общие слова: ");
            if (origin.get(pair.path("leftRoadmapId").asString() + "/" + pair.path("leftNumber").asString())
                    .equals(origin.get(pair.path("rightRoadmapId").asString() + "/" + pair.path("rightNumber").asString()))) {
                sameOrigin++;
            }
        }
        // the pairs found are, nearly all, two variants of one seed task
        assertThat(sameOrigin).isGreaterThanOrEqualTo((int) (0.9 * similar.size()));
    }

    private JsonNode compare() throws Exception {
        return JSON.readTree(answer(get("/api/comparison").param("roadmap", roadmaps.toArray(String[]::new))));
    }

    private String answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Users.fedAnalyst())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The seed task without one of its words, and up to three words of another task added at the end. */
    private static String variant(String task, String other, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(task.split("\\s+")));
        if (words.size() > 4) {
            words.remove(1 + random.nextInt(words.size() - 1));
        }
        List<String> added = Arrays.asList(other.split("\\s+"));
        int from = random.nextInt(Math.max(1, added.size() - 3));
        words.addAll(added.subList(from, Math.min(added.size(), from + 3)));
        return String.join(" ", words);
    }

    private static List<String> seedTasks() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (String seed : List.of("irkutsk-2021-order-294", "kirov-2022-order-324")) {
            Path file = StackLayout.findRepoRoot().resolve("roadmap-service/src/test/resources/importer/golden/" + seed + ".json");
            for (JsonNode section : JSON.readTree(Files.readString(file)).path("sections")) {
                for (JsonNode item : section.path("items")) {
                    tasks.add(item.path("text").asString());
                }
            }
        }
        return tasks;
    }
}
