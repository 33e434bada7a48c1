package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LemmaSimilarityTest {

    private static final LemmaSimilarity.Settings SETTINGS = new LemmaSimilarity.Settings(0.3, 0.15, 2);
    /** For a handful of items, where every word is in a large share of them. */
    private static final LemmaSimilarity.Settings NO_CUT = new LemmaSimilarity.Settings(0.3, 1.0, 2);

    @Test
    void anItemIsPairedWithAtMostOneItemOfEachOtherRegionTheBestFirst() {
        List<LemmaSimilarity.Doc> docs = List.of(
                doc("43", "конкурс наставник молодой учитель"),
                doc("38", "конкурс наставник молодой учитель год"),
                doc("38", "конкурс наставник молодой"),
                doc("38", "региональный конкурс наставник"));

        LemmaSimilarity.Result result = LemmaSimilarity.oneToOne(docs, NO_CUT);
        List<LemmaSimilarity.Match> matches = result.matches();

        // all three read alike; the closest in weighted lemmas (no extra words) is the one
        assertThat(matches).hasSize(1);
        assertThat(matches.getFirst().left()).isZero();
        assertThat(matches.getFirst().right()).isEqualTo(2);
        assertThat(result.sharedTerms(matches.getFirst())).contains("наставник", "молодой", "конкурс");
    }

    @Test
    void itemsOfTheSameRegionAreNeverPairedAndEachPairOfRegionsGetsItsOwnMatch() {
        List<LemmaSimilarity.Doc> docs = List.of(
                doc("43", "служба школьный медиация"),
                doc("43", "служба школьный медиация создание"),
                doc("38", "создание служба школьный медиация"),
                doc("24", "служба школьный медиация обучение"));

        List<LemmaSimilarity.Match> matches = LemmaSimilarity.oneToOne(docs, NO_CUT).matches();

        for (LemmaSimilarity.Match match : matches) {
            assertThat(docs.get(match.left()).region()).isNotEqualTo(docs.get(match.right()).region());
        }
        // 43–38, 43–24 and 38–24 each give one pair; the 43 item best for 38 is the one that also says «создание»
        assertThat(matches).hasSize(3);
        assertThat(matches).anySatisfy(match -> {
            assertThat(match.left()).isEqualTo(1);
            assertThat(match.right()).isEqualTo(2);
        });
    }

    @Test
    void wordsThatMostItemsShareDoNotMakeAPair() {
        List<LemmaSimilarity.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(doc(i % 2 == 0 ? "43" : "38", "организовать проект школа участник тема" + i + " предмет" + i));
        }

        assertThat(LemmaSimilarity.oneToOne(docs, SETTINGS).matches()).isEmpty();
    }

    @Test
    void aPairNeedsTheThresholdAndTwoSharedTerms() {
        List<LemmaSimilarity.Doc> docs = List.of(doc("43", "вебинар"), doc("38", "вебинар"),
                doc("43", "анкетирование родитель"), doc("38", "анкетирование родитель выпускник класс учебный год"),
                doc("43", "x1 x2 x3"), doc("38", "y1 y2 y3"));

        List<LemmaSimilarity.Match> matches = LemmaSimilarity.oneToOne(docs,
                new LemmaSimilarity.Settings(0.6, 0.5, 2)).matches();

        assertThat(matches).isEmpty();
        assertThat(LemmaSimilarity.oneToOne(docs, new LemmaSimilarity.Settings(0.3, 0.5, 2)).matches()).hasSize(1);
        assertThat(LemmaSimilarity.oneToOne(docs, new LemmaSimilarity.Settings(0.3, 0.5, 1)).matches()).hasSize(2);
    }

    @Test
    void theLemmasOfAnAmbiguousFormAreOneWordAndCountOnce() {
        List<LemmaSimilarity.Doc> docs = List.of(doc("43", "стажировочный площадка баз|база школа"),
                doc("38", "круглый стол база омсу"), doc("24", "стажировочный площадка база"));

        LemmaSimilarity.Result result = LemmaSimilarity.oneToOne(docs, NO_CUT);

        // «на базе» alone is one shared word, not two: no pair with the round tables
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.right()).isEqualTo(2);
            assertThat(result.sharedTerms(match)).containsExactlyInAnyOrder("стажировочный", "площадка", "база");
        });
    }

    @Test
    void eightyFiveRegionsOfAHundredItemsAreComparedOneToOne() {
        Random random = new Random(85);
        List<String> boilerplate = List.of("организовать", "провести", "проект", "школа", "участник", "реализация",
                "образовательный", "организация", "региональный", "муниципальный");
        List<LemmaSimilarity.Doc> docs = new ArrayList<>();
        List<Integer> topics = new ArrayList<>();
        for (int region = 1; region <= 85; region++) {
            for (int topic = 0; topic < 100; topic++) {
                List<String> lemmas = new ArrayList<>();
                for (int word = 0; word < 4; word++) {
                    if (random.nextInt(5) > 0) {
                        lemmas.add("т" + topic + "с" + word);
                    }
                }
                for (int word = 0; word < 4; word++) {
                    lemmas.add(boilerplate.get(random.nextInt(boilerplate.size())));
                }
                lemmas.add("шум" + random.nextInt(3_000));
                docs.add(new LemmaSimilarity.Doc(String.valueOf(region), lemmas));
                topics.add(topic);
            }
        }

        long start = System.nanoTime();
        List<LemmaSimilarity.Match> matches = LemmaSimilarity.oneToOne(docs, SETTINGS).matches();
        System.out.printf("85 × 100 items: %d pairs in %d ms%n", matches.size(), (System.nanoTime() - start) / 1_000_000);

        Set<Long> paired = new HashSet<>();
        List<String> violations = new ArrayList<>();
        int sameTopic = 0;
        for (LemmaSimilarity.Match match : matches) {
            int left = Integer.parseInt(docs.get(match.left()).region());
            int right = Integer.parseInt(docs.get(match.right()).region());
            if (left == right) {
                violations.add(match + " within one region");
            }
            // an item with a region: at most one pair
            if (!paired.add((long) match.left() * 100 + right) || !paired.add((long) match.right() * 100 + left)) {
                violations.add(match + " repeats an item for a region");
            }
            sameTopic += topics.get(match.left()).equals(topics.get(match.right())) ? 1 : 0;
        }
        assertThat(violations).isEmpty();
        // most of the 85·84/2 region pairs × 100 topics are found, and they are the right ones
        assertThat(matches.size()).isGreaterThan(85 * 84 / 2 * 100 / 2);
        assertThat((double) sameTopic / matches.size()).isGreaterThan(0.99);
    }

    @Test
    void theBestMatchesAreThoseOfAPlainComparisonOfEveryPairWhateverTheLimit() {
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            List<String> vocabulary = new ArrayList<>();
            for (int w = 0; w < 40; w++) {
                vocabulary.add("сл" + w);
            }
            List<LemmaSimilarity.Doc> docs = new ArrayList<>();
            for (int d = 0; d < 210; d++) {
                List<String> lemmas = new ArrayList<>();
                if (d > 10 && random.nextInt(3) == 0) {
                    // a variant of an earlier item: the strong pairs the first passes find
                    lemmas.addAll(docs.get(random.nextInt(d)).lemmas());
                    lemmas.set(random.nextInt(lemmas.size()), vocabulary.get(random.nextInt(40)));
                } else {
                    for (int w = 3 + random.nextInt(7); w > 0; w--) {
                        // skewed: the first words are in many items
                        lemmas.add(vocabulary.get((int) (40 * Math.pow(random.nextDouble(), 2))));
                    }
                }
                docs.add(new LemmaSimilarity.Doc(String.valueOf(1 + random.nextInt(7)), lemmas));
            }
            LemmaSimilarity.Settings settings = new LemmaSimilarity.Settings(0.2, 0.3, 2);
            List<LemmaSimilarity.Match> expected = everyPair(docs, settings);
            assertThat(expected.size()).as("seed %d", seed).isGreaterThan(20);
            for (int limit : new int[] {1, 5, 20, expected.size(), Integer.MAX_VALUE}) {
                List<LemmaSimilarity.Match> found = LemmaSimilarity.best(docs, settings, limit).matches();
                List<LemmaSimilarity.Match> wanted = expected.subList(0, Math.min(limit, expected.size()));
                assertThat(found).as("seed %d, limit %d", seed, limit).hasSameSizeAs(wanted);
                for (int m = 0; m < wanted.size(); m++) {
                    assertThat(found.get(m).left()).as("seed %d, limit %d, match %d", seed, limit, m)
                            .isEqualTo(wanted.get(m).left());
                    assertThat(found.get(m).right()).isEqualTo(wanted.get(m).right());
                    assertThat(found.get(m).score()).isCloseTo(wanted.get(m).score(), org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    /** The definition, computed the slow way: TF-IDF cosine of every pair, each item's best per region, mutual. */
    private static List<LemmaSimilarity.Match> everyPair(List<LemmaSimilarity.Doc> docs, LemmaSimilarity.Settings settings) {
        int n = docs.size();
        java.util.Map<String, Integer> df = new java.util.HashMap<>();
        List<java.util.Map<String, Integer>> tfs = new ArrayList<>();
        for (LemmaSimilarity.Doc doc : docs) {
            java.util.Map<String, Integer> tf = new java.util.HashMap<>();
            doc.lemmas().forEach(word -> tf.merge(word, 1, Integer::sum));
            tf.keySet().forEach(word -> df.merge(word, 1, Integer::sum));
            tfs.add(tf);
        }
        List<java.util.Map<String, Double>> vectors = new ArrayList<>();
        for (java.util.Map<String, Integer> tf : tfs) {
            java.util.Map<String, Double> vector = new java.util.HashMap<>();
            tf.forEach((word, count) -> {
                if (df.get(word) <= Math.max(2, settings.maxDocumentShare() * n)) {
                    vector.put(word, (1 + Math.log(count)) * Math.log(1 + (double) n / df.get(word)));
                }
            });
            double length = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
            vector.replaceAll((word, weight) -> weight / length);
            vectors.add(vector);
        }
        java.util.Map<String, Integer> best = new java.util.HashMap<>();
        java.util.Map<String, Double> bestScore = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                String region = docs.get(j).region();
                if (region.equals(docs.get(i).region())) {
                    continue;
                }
                double score = 0;
                int shared = 0;
                for (var entry : vectors.get(i).entrySet()) {
                    Double other = vectors.get(j).get(entry.getKey());
                    if (other != null) {
                        score += entry.getValue() * other;
                        shared++;
                    }
                }
                String key = i + "/" + region;
                if (score >= settings.threshold() && shared >= settings.minSharedTerms()
                        && (!best.containsKey(key) || score > bestScore.get(key) + LemmaSimilarity.TIE)) {
                    best.put(key, j);
                    bestScore.put(key, score);
                }
            }
        }
        List<LemmaSimilarity.Match> matches = new ArrayList<>();
        best.forEach((key, j) -> {
            int i = Integer.parseInt(key.substring(0, key.indexOf('/')));
            if (i < j && Integer.valueOf(i).equals(best.get(j + "/" + docs.get(i).region()))) {
                matches.add(new LemmaSimilarity.Match(i, j, bestScore.get(key)));
            }
        });
        matches.sort(LemmaSimilarity.BEST_FIRST);
        return matches;
    }

    private static LemmaSimilarity.Doc doc(String region, String lemmas) {
        return new LemmaSimilarity.Doc(region, List.of(lemmas.split(" ")));
    }
}
