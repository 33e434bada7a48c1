package ru.school500.searchservice.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.AnalyzeResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;

import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;

/**
 * Word families ({@code reference/word-families.txt}) for what morphology cannot do: «наставник» and
 * «наставничество» are different lemmas of one idea. Members and query words are both reduced by the
 * index's own Russian analyser, so «наставникам» finds the family of «наставник».
 */
@Component
class WordFamilies {

    private static final String ANALYZER = "russian_morphology";

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final List<List<String>> families;
    private volatile Map<String, List<String>> byStem;

    WordFamilies(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
        this.families = load();
    }

    /** For each word of {@code text} that belongs to a family: the word → the other members. */
    Map<String, List<String>> relatives(List<String> words) throws IOException {
        Map<String, List<String>> stems = stems();
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (words.isEmpty() || stems.isEmpty()) {
            return found;
        }
        String text = String.join(" ", words);
        AnalyzeResponse analyzed = analyze(text);
        for (AnalyzeToken token : analyzed.tokens()) {
            List<String> family = stems.get(token.token());
            if (family == null) {
                continue;
            }
            String word = text.substring((int) token.startOffset(), (int) token.endOffset());
            found.putIfAbsent(word, family.stream().filter(member -> !member.equalsIgnoreCase(word)).toList());
        }
        return found;
    }

    private Map<String, List<String>> stems() throws IOException {
        Map<String, List<String>> known = byStem;
        if (known != null) {
            return known;
        }
        // one request for all families: each family's words occupy a known range of one text
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (List<String> family : families) {
            starts.add(text.length());
            text.append(String.join(" ", family)).append(" . ");
        }
        Map<String, List<String>> stems = new HashMap<>();
        for (AnalyzeToken token : analyze(text.toString()).tokens()) {
            int family = 0;
            while (family + 1 < starts.size() && starts.get(family + 1) <= token.startOffset()) {
                family++;
            }
            stems.putIfAbsent(token.token(), families.get(family));
        }
        if (stems.isEmpty()) {
            return stems;
        }
        byStem = Map.copyOf(stems);
        return byStem;
    }

    /** Before the first index exists there is nothing to find anyway: no relatives then. */
    private AnalyzeResponse analyze(String text) throws IOException {
        try {
            return analyzeWithIndexAnalyzer(text);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return AnalyzeResponse.of(r -> r.tokens(List.of()));
            }
            throw e;
        }
    }

    private AnalyzeResponse analyzeWithIndexAnalyzer(String text) throws IOException {
        return client.indices().analyze(a -> a.index(names.alias(IndexKind.PRACTICES)).analyzer(ANALYZER).text(text));
    }

    private static List<List<String>> load() {
        try (InputStream in = new ClassPathResource("reference/word-families.txt").getInputStream()) {
            List<List<String>> families = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> families.add(List.of(line.split("\\s+"))));
            return List.copyOf(families);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/word-families.txt", e);
        }
    }
}
