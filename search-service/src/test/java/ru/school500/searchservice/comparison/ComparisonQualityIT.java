package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;
import ru.school500.searchservice.support.SeedRoadmaps;

/**
 * How well the comparison classifies and pairs items, measured through {@code GET /api/comparison} on a real
 * Elasticsearch: the held-out labelled items of {@code comparison/evaluation-items.tsv} (per-category precision
 * and recall of rules and model together), the share of unclassified items of the two seed orders, and the
 * precision of the similar pairs against {@code comparison/similarity-judgments.tsv}. The figures are printed to
 * the failsafe report and quoted in the service's README.
 */
class ComparisonQualityIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Floors set from the measured figures with a margin, so that a change for the worse fails. */
    private static final double MIN_PRECISION = 0.70;
    private static final double MIN_RECALL = 0.60;
    private static final double MIN_MICRO_F1 = 0.80;
    private static final double MAX_UNCLASSIFIED_SHARE = 0.05;
    private static final double MIN_PAIR_PRECISION = 0.80;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    TaskLemmas lemmasBean;

    @Test
    void heldOutItemsAreClassifiedWithPerCategoryPrecisionAndRecallAboveTheFloors() throws Exception {
        LabelledItems evaluation = LabelledItems.read(Files.newInputStream(
                Path.of("src/test/resources/comparison/evaluation-items.tsv")), taxonomy);
        List<Changes.Item> items = new ArrayList<>();
        for (int i = 0; i < evaluation.items().size(); i++) {
            items.add(Changes.Item.of("1." + (i + 1), evaluation.items().get(i).text()));
        }
        String roadmap = UUID.randomUUID().toString();
        index(Changes.roadmap(roadmap).region("77").section("1.", "Мероприятия", items.toArray(Changes.Item[]::new))
                .change());
        Map<String, JsonNode> byNumber = itemsByNumber(compare(roadmap));

        Map<String, int[]> counts = new LinkedHashMap<>();
        taxonomy.categories().forEach(category -> counts.put(category.code(), new int[3]));
        for (int i = 0; i < evaluation.items().size(); i++) {
            Set<String> expected = evaluation.items().get(i).categories();
            Set<String> actual = categories(byNumber.get("1." + (i + 1)));
            for (Map.Entry<String, int[]> entry : counts.entrySet()) {
                boolean wanted = expected.contains(entry.getKey());
                boolean given = actual.contains(entry.getKey());
                // true positives, false positives, false negatives
                if (wanted || given) {
                    entry.getValue()[wanted && given ? 0 : given ? 1 : 2]++;
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder("| category | items | precision | recall |\n| --- | --- | --- | --- |\n");
        List<String> belowFloor = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            double precision = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", entry.getKey(), c[0] + c[2],
                    precision, recall));
            if (precision < MIN_PRECISION || recall < MIN_RECALL) {
                belowFloor.add(entry.getKey() + String.format(Locale.ROOT, " P=%.2f R=%.2f", precision, recall));
            }
        }
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        table.append(String.format(Locale.ROOT, "| all (micro) | %d | %.2f | %.2f |%n", tp + fn, precision, recall));
        System.out.println("Classification of " + evaluation.items().size() + " held-out items:\n" + table);
        for (int i = 0; i < evaluation.items().size(); i++) {
            Set<String> expected = evaluation.items().get(i).categories();
            Set<String> actual = categories(byNumber.get("1." + (i + 1)));
            if (!expected.equals(actual)) {
                System.out.println("  " + expected + " → " + actual + "  " + evaluation.items().get(i).text());
            }
        }
        assertThat(belowFloor).as("categories below P %.2f / R %.2f", MIN_PRECISION, MIN_RECALL).isEmpty();
        assertThat(f1).as("micro F1").isGreaterThanOrEqualTo(MIN_MICRO_F1);
    }

    @Test
    void atMostOneItemInTwentyOfEachSeedOrderIsLeftUnclassified() throws Exception {
        String irkutsk = UUID.randomUUID().toString();
        String kirov = UUID.randomUUID().toString();
        index(SeedRoadmaps.approved(SeedRoadmaps.IRKUTSK, "38", irkutsk, 1),
                SeedRoadmaps.approved(SeedRoadmaps.KIROV, "43", kirov, 1));
        JsonNode comparison = compare(irkutsk, kirov);
        for (String roadmap : List.of(irkutsk, kirov)) {
            List<JsonNode> items = new ArrayList<>();
            comparison.path("items").forEach(item -> {
                if (item.path("roadmapId").asString().equals(roadmap)) {
                    items.add(item);
                }
            });
            List<String> unclassified = items.stream().filter(item -> item.path("categories").isEmpty())
                    .map(item -> item.path("number").asString()).toList();
            double share = (double) unclassified.size() / items.size();
            System.out.printf(Locale.ROOT, "Unclassified in %s: %d of %d (%.1f %%) %s%n", roadmap, unclassified.size(),
                    items.size(), 100 * share, unclassified);
            items.forEach(item -> System.out.println("  " + item.path("number").asString() + " "
                    + item.path("categories") + " " + modelEvidence(item)));
            assertThat(share).as("unclassified %s", unclassified).isLessThanOrEqualTo(MAX_UNCLASSIFIED_SHARE);
        }
    }

    @Test
    void similarPairsAreOneToOneAndMostlyJudgedSimilar() throws Exception {
        Map<String, String> numbersByRoadmapId = new HashMap<>();
        Map<String, List<Changes.Item>> written = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/comparison/similarity-roadmaps.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            written.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(Changes.Item.of(cells[1], cells[2]));
        }
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String irkutsk = UUID.randomUUID().toString();
        String kirov = UUID.randomUUID().toString();
        numbersByRoadmapId.put(a, "A");
        numbersByRoadmapId.put(b, "B");
        numbersByRoadmapId.put(irkutsk, "irkutsk");
        numbersByRoadmapId.put(kirov, "kirov");
        index(Changes.roadmap(a).region("24").section("1.", "Мероприятия", written.get("A").toArray(Changes.Item[]::new))
                        .change(),
                Changes.roadmap(b).region("59").section("1.", "Мероприятия", written.get("B").toArray(Changes.Item[]::new))
                        .change(),
                SeedRoadmaps.approved(SeedRoadmaps.IRKUTSK, "38", irkutsk, 1),
                SeedRoadmaps.approved(SeedRoadmaps.KIROV, "43", kirov, 1));
        Map<String, Boolean> judged = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/comparison/similarity-judgments.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            judged.put(cells[0] + "↔" + cells[1], "similar".equals(cells[2]));
        }

        List<JsonNode> pairs = new ArrayList<>();
        compare(a, b).path("similar").forEach(pairs::add);
        compare(irkutsk, kirov).path("similar").forEach(pairs::add);
        int similar = 0;
        Set<String> matched = new HashSet<>();
        for (JsonNode pair : pairs) {
            String left = numbersByRoadmapId.get(pair.path("leftRoadmapId").asString()) + ":" + pair.path("leftNumber").asString();
            String right = numbersByRoadmapId.get(pair.path("rightRoadmapId").asString()) + ":" + pair.path("rightNumber").asString();
            Boolean verdict = judged.get(left + "↔" + right);
            similar += Boolean.TRUE.equals(verdict) ? 1 : 0;
            System.out.printf(Locale.ROOT, "%s %s ↔ %s %.3f %s | %s | %s%n", verdict == null ? "unjudged"
                    : verdict ? "similar" : "different", left, right, pair.path("score").asDouble(),
                    pair.path("sharedTerms"), pair.path("leftTask").asString(), pair.path("rightTask").asString());
            assertThat(matched.add(pair.path("leftItemId").asString())).as("%s in one pair only", left).isTrue();
            assertThat(matched.add(pair.path("rightItemId").asString())).as("%s in one pair only", right).isTrue();
            assertThat(pair.path("explanation").asString()).contains("Общие слова", "Сходство");
        }
        long judgedSimilar = judged.values().stream().filter(v -> v).count();
        double precision = (double) similar / pairs.size();
        System.out.printf(Locale.ROOT, "Similar pairs: %d reported, %d judged similar (precision %.2f), "
                + "%d of %d similar judgments found%n", pairs.size(), similar, precision, similar, judgedSimilar);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(10);
        assertThat(precision).isGreaterThanOrEqualTo(MIN_PAIR_PRECISION);
    }

    @Test
    void itemsFromTheFeedHaveTheirLemmasReadyBeforeTheFirstComparison() throws Exception {
        String task = "Проведение фестиваля школьных служб примирения " + UUID.randomUUID();
        assertThat(lemmasBean.known(task)).isFalse();

        index(Changes.roadmap(UUID.randomUUID().toString()).region("24")
                .section("1.", "Мероприятия", Changes.Item.of("1.1", task)).change());

        assertThat(lemmasBean.known(task)).isTrue();
        assertThat(TaskLemmas.lemmas(lemmasBean.of(List.of(task)).get(task))).contains("фестиваль", "служба");
    }

    private static String modelEvidence(JsonNode item) {
        List<String> model = new ArrayList<>();
        item.path("evidence").forEach(e -> {
            if ("model".equals(e.path("source").asString())) {
                model.add(e.path("category").asString() + e.path("terms") + e.path("probability").asDouble());
            }
        });
        return String.join(" ", model) + " " + item.path("task").asString().substring(0,
                Math.min(90, item.path("task").asString().length()));
    }

    private JsonNode compare(String... roadmaps) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/comparison").param("roadmap", roadmaps).with(Users.fedAnalyst()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, JsonNode> itemsByNumber(JsonNode comparison) {
        Map<String, JsonNode> byNumber = new HashMap<>();
        comparison.path("items").forEach(item -> byNumber.put(item.path("number").asString(), item));
        return byNumber;
    }

    private static Set<String> categories(JsonNode item) {
        Set<String> categories = new HashSet<>();
        item.path("categories").forEach(c -> categories.add(c.asString()));
        return categories;
    }
}
