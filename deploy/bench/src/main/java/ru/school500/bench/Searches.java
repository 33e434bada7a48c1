package ru.school500.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mixed query load: single words, two words, phrases, exclusions, with and without filters (type, region,
 * direction, year); every answer carries the six facets. Each query is paired with the account that sends it,
 * cycling over all region accounts.
 */
final class Searches {

    record Query(String user, String pathAndQuery) {
    }

    private Searches() {
    }

    /** The words of a title as one phrase query (punctuation and numbers signs left out). */
    static String phrase(String title) {
        return "\"" + title.replaceAll("[^\\p{L}\\p{N} ]+", " ").replaceAll("\\s+", " ").strip() + "\"";
    }

    static List<Query> mix(Corpus corpus, List<String> accounts, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> words = corpus.queryWords();
        List<String> regions = corpus.orders().stream().map(o -> o.region().code()).toList();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String a = Vocabulary.pick(random, words);
            String b = Vocabulary.pick(random, words);
            String q = switch (i % 6) {
                case 0, 1 -> a;
                case 2 -> a + " " + b;
                case 3 -> "\"" + phraseFrom(corpus, random) + "\"";
                case 4 -> a + " -" + b;
                default -> a + " OR " + b;
            };
            StringBuilder path = new StringBuilder("/api/search?size=20&q=").append(Api.encode(q));
            switch (i % 5) {
                case 1 -> path.append("&type=PRACTICE");
                case 2 -> path.append("&region=").append(Vocabulary.pick(random, regions));
                case 3 -> path.append("&type=PRACTICE&direction=").append(Vocabulary.pick(random, Corpus.DIRECTIONS));
                case 4 -> path.append("&year=").append(2021 + random.nextInt(5));
                default -> {
                }
            }
            queries.add(new Query(accounts.get(i % accounts.size()), path.toString()));
        }
        return queries;
    }

    private static String phraseFrom(Corpus corpus, SplittableRandom random) {
        Corpus.Order order = Vocabulary.pick(random, corpus.orders());
        Corpus.Section section = Vocabulary.pick(random, order.sections());
        String[] words = Vocabulary.pick(random, section.items()).task().replaceAll("[^\\p{L} ]+", " ").strip()
                .split("\\s+");
        int start = words.length <= 2 ? 0 : random.nextInt(words.length - 2);
        return String.join(" ", java.util.Arrays.copyOfRange(words, start, Math.min(words.length, start + 2)));
    }
}
