package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * For items of different regions among the compared roadmaps, the pairs that mean the same thing
 * ({@link LemmaSimilarity}): at most one pair per item and pair of regions, from the configured threshold, each
 * with the lemmas the two share. Computed in memory from the items' lemmas, which {@link TaskLemmas} keeps between
 * comparisons, so no query per item reaches Elasticsearch.
 */
@Component
class SimilarItems {

    private final ComparisonProperties.Similarity settings;

    SimilarItems(ComparisonProperties properties) {
        this.settings = properties.similarity();
    }

    List<SimilarPair> across(List<ComparedRoadmap> roadmaps, List<ComparedItem> items, Map<String, List<String>> lemmas) {
        if (roadmaps.stream().map(ComparedRoadmap::region).distinct().count() < 2) {
            return List.of();
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < roadmaps.size(); i++) {
            order.put(roadmaps.get(i).id(), i);
        }
        List<ComparedItem> compared = items.stream().filter(item -> item.task() != null && !item.task().isBlank())
                .sorted(java.util.Comparator.comparingInt(item -> order.getOrDefault(item.roadmapId(), Integer.MAX_VALUE)))
                .toList();
        List<LemmaSimilarity.Doc> docs = new ArrayList<>(compared.size());
        for (ComparedItem item : compared) {
            docs.add(new LemmaSimilarity.Doc(item.region(), lemmas.getOrDefault(item.task(), List.of())));
        }
        List<SimilarPair> pairs = new ArrayList<>();
        LemmaSimilarity.Result result = LemmaSimilarity.best(docs, LemmaSimilarity.Settings.of(settings),
                settings.maxPairs());
        for (LemmaSimilarity.Match match : result.matches()) {
            ComparedItem left = compared.get(match.left());
            ComparedItem right = compared.get(match.right());
            List<String> shared = result.sharedTerms(match);
            pairs.add(new SimilarPair(left.id(), left.roadmapId(), left.number(), left.task(), right.id(),
                    right.roadmapId(), right.number(), right.task(), round(match.score()), shared, explanation(match, shared)));
        }
        return pairs;
    }

    /**
     * The pairs with each one's left item from the roadmap asked for first ({@code roadmapIds}, the caller's order),
     * the shared words («согласовать/согласование») turned the same way; the order of the pairs is kept.
     */
    static List<SimilarPair> oriented(List<SimilarPair> pairs, List<String> roadmapIds) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < roadmapIds.size(); i++) {
            position.putIfAbsent(roadmapIds.get(i), i);
        }
        List<SimilarPair> oriented = new ArrayList<>(pairs.size());
        for (SimilarPair pair : pairs) {
            boolean turned = position.getOrDefault(pair.leftRoadmapId(), Integer.MAX_VALUE)
                    > position.getOrDefault(pair.rightRoadmapId(), Integer.MAX_VALUE);
            oriented.add(turned ? turned(pair) : pair);
        }
        return oriented;
    }

    private static SimilarPair turned(SimilarPair pair) {
        List<String> shared = pair.sharedTerms().stream().map(SimilarItems::turnedTerm).toList();
        String explanation = pair.explanation() == null ? null
                : pair.explanation().replace(String.join(", ", pair.sharedTerms()), String.join(", ", shared));
        return new SimilarPair(pair.rightItemId(), pair.rightRoadmapId(), pair.rightNumber(), pair.rightTask(),
                pair.leftItemId(), pair.leftRoadmapId(), pair.leftNumber(), pair.leftTask(), pair.score(), shared,
                explanation);
    }

    /** «левое/правое» → «правое/левое»; a word both items share as it is stays as it is. */
    private static String turnedTerm(String term) {
        int slash = term.indexOf('/');
        return slash < 0 ? term : term.substring(slash + 1) + "/" + term.substring(0, slash);
    }

    private String explanation(LemmaSimilarity.Match match, List<String> shared) {
        return String.format(Locale.ROOT, "Общие слова: %s (слова, которые есть во многих мероприятиях, "
                + "не учитываются). Сходство %s при пороге %s.", String.join(", ", shared), decimal(match.score()),
                decimal(settings.threshold()));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replace('.', ',');
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
