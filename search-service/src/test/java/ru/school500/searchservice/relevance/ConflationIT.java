package ru.school500.searchservice.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;

import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.indexing.IndexSchemas;
import ru.school500.searchservice.support.SchemaOne;
import ru.school500.searchservice.support.IntegrationTest;

/**
 * How well the index analyzer conflates the forms of a word and keeps different words apart, measured
 * through {@code _analyze} on the live index: {@code conflation/paradigms.tsv} holds every form of 357
 * lemmas (nouns of every declension, adjectives, verbs with their participles and gerunds, the domain words
 * of the fixtures and of school education) from LanguageTool's Russian dictionary; {@code conflation/pairs.txt}
 * 50 pairs of different words. A form that the stop list removes is left out of the measure, and so is a lemma
 * whose citation form is a stop word (быть). The words of a pair share no form (checked; homographs like пар/пара
 * are matched on purpose). Counted three ways: the two lemmas share a token (лицей = лицо under a stemmer; the
 * issue's measure, at most 1); a search for one word (its citation form) finds a form of the other (at most 2);
 * any form of one shares a token with any form of the other, e.g. through a third word both have a homograph
 * with (printed). The same figures for the previous schema (hunspell ru_RU + stemmer) are printed for comparison.
 */
class ConflationIT extends IntegrationTest {

    private static final String ANALYZER = "russian_morphology";

    @Autowired
    private ElasticsearchClient client;

    @Autowired
    private IndexNames names;

    @Test
    void everyFormOfALemmaSharesATokenAndDifferentWordsDoNot() throws Exception {
        admin.ensureIndices();
        String previous = "conflation-schema-1-" + UUID.randomUUID().toString().substring(0, 8);
        SchemaOne.createPracticesIndex(client, previous);
        Figures before;
        try {
            before = measure(previous);
        } finally {
            client.indices().delete(d -> d.index(previous));
        }
        Figures now = measure(names.alias(IndexKind.PRACTICES));
        now.misses().stream().limit(40).forEach(miss -> System.out.println("  " + miss));
        now.collisions().forEach(collision -> System.out.println("  collision: " + collision));
        now.searchCollisions().forEach(collision -> System.out.println("  found: " + collision));
        System.out.println("CONFLATION schema 1 (hunspell + stemmer): " + before);
        System.out.println("CONFLATION schema " + IndexSchemas.SCHEMA + ": " + now);

        assertThat(now.lemmas()).isGreaterThanOrEqualTo(300);
        assertThat(now.pairs()).isGreaterThanOrEqualTo(50);
        assertThat(now.conflation()).as("lemmas whose forms all share a token").isGreaterThanOrEqualTo(98.0);
        assertThat(now.everydayMatched()).as("everyday forms matching their citation form").isEqualTo(now.everydayForms());
        assertThat(now.collisions()).as("different words sharing a token").hasSizeLessThanOrEqualTo(1);
        // today: мел finds «мели» (мёл, мели of мести), почти finds «почту» (почту of почесть); no more
        assertThat(now.searchCollisions()).as("a search for one word finding a form of the other")
                .hasSizeLessThanOrEqualTo(2);
    }

    private Figures measure(String index) throws IOException {
        Map<String, Paradigm> paradigms = paradigms();
        int lemmas = 0;
        int fullyConflated = 0;
        int everydayForms = 0;
        int everydayMatched = 0;
        int forms = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Paradigm paradigm : paradigms.values()) {
            if (paradigm.category().equals("pair")) {
                continue;
            }
            Map<String, Set<String>> tokens = analyzeEach(index, paradigm.forms().keySet());
            Set<String> citation = analyzeEach(index, List.of(paradigm.lemma())).get(paradigm.lemma());
            if (citation.isEmpty()) {
                misses.add("left out, its citation form is a stop word: " + paradigm.lemma());
                continue;
            }
            Set<String> shared = null;
            for (Map.Entry<String, Boolean> form : paradigm.forms().entrySet()) {
                Set<String> formTokens = tokens.get(form.getKey());
                if (formTokens.isEmpty()) {
                    continue; // a stop word
                }
                forms++;
                if (shared == null) {
                    shared = new HashSet<>(formTokens);
                } else {
                    shared.retainAll(formTokens);
                }
                if (form.getValue()) {
                    everydayForms++;
                    if (intersects(formTokens, citation)) {
                        everydayMatched++;
                    } else {
                        misses.add(form.getKey() + " " + formTokens + " ≁ " + paradigm.lemma() + " " + citation);
                    }
                }
            }
            lemmas++;
            byCategory.merge(paradigm.category(), 1, Integer::sum);
            if (shared != null && !shared.isEmpty()) {
                fullyConflated++;
            } else {
                misses.add("not fully conflated: " + paradigm.lemma());
            }
        }

        List<String> collisions = new ArrayList<>();
        List<String> searchCollisions = new ArrayList<>();
        int anyFormCollisions = 0;
        List<String[]> pairs = pairs();
        for (String[] pair : pairs) {
            Paradigm one = paradigms.get(pair[0]);
            Paradigm other = paradigms.get(pair[1]);
            Set<String> sharedForms = folded(one.forms().keySet());
            sharedForms.retainAll(folded(other.forms().keySet()));
            assertThat(sharedForms).as("%s and %s are homographs, not a pair of different words", pair[0], pair[1])
                    .isEmpty();
            Set<String> oneTokens = tokensOf(index, one);
            Set<String> otherTokens = tokensOf(index, other);
            Set<String> oneCitation = analyzeEach(index, List.of(one.lemma())).get(one.lemma());
            Set<String> otherCitation = analyzeEach(index, List.of(other.lemma())).get(other.lemma());
            if (intersects(oneCitation, otherCitation)) {
                collisions.add(pair[0] + " = " + pair[1] + " " + common(oneCitation, otherCitation));
            }
            Set<String> found = common(oneCitation, otherTokens);
            found.addAll(common(otherCitation, oneTokens));
            if (!found.isEmpty()) {
                searchCollisions.add(pair[0] + " ~ " + pair[1] + " " + found);
            }
            if (intersects(oneTokens, otherTokens)) {
                anyFormCollisions++;
            }
        }
        return new Figures(lemmas, byCategory, forms, 100.0 * fullyConflated / lemmas, everydayForms, everydayMatched,
                pairs.size(), collisions, searchCollisions, anyFormCollisions, misses);
    }

    record Figures(int lemmas, Map<String, Integer> byCategory, int forms, double conflation, int everydayForms,
            int everydayMatched, int pairs, List<String> collisions, List<String> searchCollisions,
            int anyFormCollisions, List<String> misses) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d lemmas %s, %d forms: fully conflated %.1f %%, everyday forms "
                    + "matching the citation form %.1f %% (%d of %d); of %d pairs: %d share a token (lemma with lemma), "
                    + "%d where one word finds a form of the other, %d where any forms share one", lemmas, byCategory,
                    forms, conflation, 100.0 * everydayMatched / everydayForms, everydayMatched, everydayForms, pairs,
                    collisions.size(), searchCollisions.size(), anyFormCollisions);
        }
    }

    private static Set<String> folded(Set<String> forms) {
        Set<String> folded = new HashSet<>();
        forms.forEach(form -> folded.add(form.replace('ё', 'е')));
        return folded;
    }

    private Set<String> tokensOf(String index, Paradigm paradigm) throws IOException {
        Set<String> tokens = new HashSet<>();
        analyzeEach(index, paradigm.forms().keySet()).values().forEach(tokens::addAll);
        return tokens;
    }

    /** One request per list: the forms joined by spaces, each token assigned to its form by offset. */
    private Map<String, Set<String>> analyzeEach(String index, java.util.Collection<String> forms) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<String> order = new ArrayList<>(forms);
        for (String form : order) {
            starts.add(text.length());
            text.append(form).append(' ');
        }
        Map<String, Set<String>> tokens = new LinkedHashMap<>();
        order.forEach(form -> tokens.put(form, new HashSet<>()));
        if (order.isEmpty()) {
            return tokens;
        }
        for (AnalyzeToken token : client.indices().analyze(a -> a.index(index).analyzer(ANALYZER).text(text.toString()))
                .tokens()) {
            int form = java.util.Collections.binarySearch(starts, (int) token.startOffset());
            if (form < 0) {
                form = -form - 2;
            }
            tokens.get(order.get(form)).add(token.token());
        }
        return tokens;
    }

    private static Set<String> common(Set<String> one, Set<String> other) {
        Set<String> common = new HashSet<>(one);
        common.retainAll(other);
        return common;
    }

    private static boolean intersects(Set<String> one, Set<String> other) {
        return one.stream().anyMatch(other::contains);
    }

    /** category → lemma → forms (true for everyday forms, false for rare degrees of comparison). */
    private static Map<String, Paradigm> paradigms() throws IOException {
        Map<String, Paradigm> paradigms = new LinkedHashMap<>();
        for (String line : lines("conflation/paradigms.tsv")) {
            String[] columns = line.split("\t");
            Map<String, Boolean> forms = new LinkedHashMap<>();
            for (String form : columns[2].split(" ")) {
                int flag = form.indexOf('~');
                forms.putIfAbsent(flag < 0 ? form : form.substring(0, flag), flag < 0 || form.charAt(flag + 1) != 'R');
            }
            paradigms.put(columns[1], new Paradigm(columns[0], columns[1], forms));
        }
        return paradigms;
    }

    private static List<String[]> pairs() throws IOException {
        return lines("conflation/pairs.txt").stream().map(line -> line.split("\\s+")).toList();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private record Paradigm(String category, String lemma, Map<String, Boolean> forms) {
    }
}
