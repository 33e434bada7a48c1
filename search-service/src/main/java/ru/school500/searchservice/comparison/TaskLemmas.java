package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;

/**
 * The lemmas of item texts through the index's own analyzer ({@code russian_morphology}: dictionary lemmas,
 * Snowball stems for unknown words, the Russian stop list), so the classifier and the similarity see the words
 * exactly as the search does. Texts are analysed many to a request (each token assigned to its text by offset)
 * and remembered by their text, so a changed item is re-analysed and an unchanged one never again.
 */
@Component
class TaskLemmas {

    static final String ANALYZER = "russian_morphology";
    static final char ALTERNATIVE = '|';
    /** Stays well below Elasticsearch's {@code index.analyze.max_token_count} (10 000) per request. */
    private static final int MAX_CHARS_PER_REQUEST = 30_000;
    private static final int CACHE_SIZE = 100_000;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;
    private final Map<String, List<String>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    TaskLemmas(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names) {
        this.client = client;
        this.guard = guard;
        this.names = names;
    }

    /**
     * Each text's words in text order as lemmas; an ambiguous form gives all its lemmas joined by {@value #ALTERNATIVE}
     * («баз|база»), see {@link #lemmas}. Numbers and single letters are dropped.
     */
    Map<String, List<String>> of(List<String> texts) {
        Map<String, List<String>> lemmas = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            String key = text == null ? "" : text;
            List<String> known = cache.get(key);
            if (known != null) {
                lemmas.put(key, known);
            } else if (!lemmas.containsKey(key)) {
                lemmas.put(key, null);
                missing.add(key);
            }
        }
        int from = 0;
        while (from < missing.size()) {
            int to = from;
            int chars = 0;
            while (to < missing.size() && (to == from || chars + missing.get(to).length() < MAX_CHARS_PER_REQUEST)) {
                chars += missing.get(to).length() + 1;
                to++;
            }
            Map<String, List<String>> analysed = analyse(missing.subList(from, to));
            analysed.forEach((text, tokens) -> {
                lemmas.put(text, tokens);
                cache.put(text, tokens);
            });
            from = to;
        }
        return lemmas;
    }

    /** One request, guarded like every read: a cold cache of thousands of items is many short requests. */
    private Map<String, List<String>> analyse(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        List<Integer> starts = new ArrayList<>(texts.size());
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        for (String text : texts) {
            starts.add(joined.length());
            // a text longer than one request allows is cut: the first words of a task carry its meaning
            joined.append(text, 0, Math.min(text.length(), MAX_CHARS_PER_REQUEST)).append('\n');
            tokens.put(text, new ArrayList<>());
        }
        if (joined.toString().isBlank()) {
            return tokens;
        }
        List<AnalyzeToken> analysed = guard.call(() -> client.indices().analyze(a -> a
                .index(names.alias(IndexKind.ROADMAPS)).analyzer(ANALYZER).text(joined.toString())).tokens());
        long lastPosition = -1;
        List<String> lastWords = null;
        for (AnalyzeToken token : analysed) {
            if (!meaningful(token.token())) {
                continue;
            }
            int at = Collections.binarySearch(starts, (int) token.startOffset());
            List<String> words = tokens.get(texts.get(at < 0 ? -at - 2 : at));
            if (words == lastWords && token.position() == lastPosition) {
                // another lemma of the same ambiguous form («базе»: баз, база)
                words.set(words.size() - 1, words.getLast() + ALTERNATIVE + token.token());
            } else {
                words.add(token.token());
            }
            lastWords = words;
            lastPosition = token.position();
        }
        tokens.replaceAll((text, list) -> List.copyOf(list));
        return tokens;
    }

    /** Whether the text's lemmas are at hand without a request. */
    boolean known(String text) {
        return cache.containsKey(text);
    }

    /** Every lemma of the words, alternatives of an ambiguous form each on its own. */
    static List<String> lemmas(List<String> words) {
        List<String> lemmas = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.indexOf(ALTERNATIVE) < 0) {
                lemmas.add(word);
            } else {
                lemmas.addAll(List.of(word.split("\\" + ALTERNATIVE)));
            }
        }
        return lemmas;
    }

    static boolean meaningful(String token) {
        return token.length() > 1 && !token.chars().allMatch(Character::isDigit);
    }
}
